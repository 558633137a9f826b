package dev.ronbun.recommend.config;

import dev.ronbun.contracts.RedeliverySettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** recommend-service settings, under {@code ronbun.recommend}. */
@ConfigMapping(prefix = "ronbun.recommend")
public interface RecommendConfig {

    /** Folder of the Lucene index; it survives restarts and can be rebuilt by replaying ronbun.papers.v1. */
    @WithDefault(".ronbun/data/recommend-index")
    Path indexDir();

    /** Base URL of embed-service, which turns search queries into vectors with the same model as the papers. */
    @WithDefault("http://127.0.0.1:8082")
    String embedUrl();

    /**
     * Base URL of ingest-service, whose readiness the web UI shows beside the others', and to which the web UI's
     * feed page is forwarded ({@code /api/feeds}).
     */
    @WithDefault("http://127.0.0.1:8081")
    String ingestUrl();

    /**
     * How long a feed request forwarded to ingest-service may take: polling a feed fetches it (up to its own
     * 60 s deadline) and ingests its new entries. Default 2 minutes.
     */
    @WithDefault("2m")
    Duration ingestTimeout();

    /** How long the status endpoint waits for another service's readiness before calling it not ready. */
    @WithDefault("2s")
    Duration statusTimeout();

    /** How long the status endpoint reuses what it learnt, so that every open page polling it costs little. */
    @WithDefault("5s")
    Duration statusCacheFor();

    /** How long a query may wait for embed-service before search falls back to BM25 alone. */
    @WithDefault("2s")
    Duration embedTimeout();

    /** How many related papers or recommendations are returned when the request does not say. */
    @WithDefault("10")
    int defaultK();

    /** Upper bound on k and page size, so one request cannot ask for the whole corpus. */
    @WithDefault("100")
    int maxK();

    /** How papers are stored in the Lucene index. */
    Index index();

    /** Snapshots of the index, which a new or wiped replica restores instead of replaying the whole topic. */
    Snapshots snapshots();

    /** How candidates are found, fused and diversified. */
    Ranking ranking();

    /** How reading histories become profiles and feeds. */
    Readers readers();

    /** The Atom feed a feed reader subscribes to: a window of recent papers, never a cursor. */
    FeedWindow feed();

    /**
     * How the consumers of papers and reading events retry what fails: a failure an outage causes until the outage
     * ends, one of unknown kind a few times; what can never be stored is dead-lettered at once.
     */
    RedeliverySettings retry();

    /** Served results kept while nothing they depend on has changed. */
    Cache cache();

    /** What a search returns: which hits count as matches, and the snippets shown with them. */
    Search search();

    /** Email digests of a reader's newest recommendations (SMTP itself: {@code quarkus.mailer.*}). */
    dev.ronbun.recommend.digests.DigestSettings digests();

    interface Search {
        /**
         * Least centred cosine (see {@code VectorCentre}) a paper found by the query's vector alone, without any of
         * its words, must reach to count as a match. Learned from the bundled model on the 101 papers of the shared
         * corpus and the samples (docs/benchmarks.md, "Search: a relevance cut-off"): 35 nonsense and off-topic
         * queries reach at most 0.386 (20 tuned on) and 0.357 (15 held out); above 0.40 every vector hit of 30 topic
         * queries was a paper about the topic. It also lies above the 99th percentile of centred cosines between two
         * papers of the corpus (0.341).
         */
        @WithDefault("0.40")
        double minCentredSimilarity();

        /**
         * The same floor while the index has no mean to centre on yet (fewer than 50 papers of a model). Raw cosines
         * do not separate matches: on the same data nonsense queries reach 0.715 and papers about the query's topic
         * at most 0.743; so only a near duplicate of the query passes.
         */
        @WithDefault("0.92")
        double minRawSimilarity();

        /** Most matches a search ranks and counts; the total is exact up to this many. */
        @WithDefault("2000")
        int maxMatches();

        /** Characters a snippet aims at around its marked terms. */
        @WithDefault("120")
        int snippetLength();
    }

    interface Index {
        /**
         * Store vectors as int8 in Lucene's scalar-quantised HNSW format (about a quarter of the memory the graph
         * search touches, at a small recall cost); raw vectors stay on disk for exact rescoring and merges.
         */
        @WithDefault("false")
        boolean quantizedVectors();

        /** HNSW neighbours per node (Lucene's default). */
        @WithDefault("16")
        int hnswMaxConn();

        /** HNSW candidate list size while building the graph (Lucene's default). */
        @WithDefault("100")
        int hnswBeamWidth();

        /** Most terms a more-like-this query takes from a paper's text. */
        @WithDefault("25")
        int moreLikeThisTerms();

        /**
         * Fewest candidates an HNSW search explores per segment (its "ef"), however few hits it asks for: the best
         * of them are kept. In one segment of 1M papers, exploring 100 finds 88 % of the true 10 nearest, 200 finds
         * 97 %, 400 finds 99.5 % (docs/benchmarks.md).
         */
        @WithDefault("200")
        int hnswSearchWidth();

        /**
         * Whether the service reports not ready ({@code /q/health/ready}) while a startup replay fills its index (a new
         * index, or the topic after a restored snapshot), so that a load balancer sends it nothing it would answer
         * from half an index. {@code ./ronbun up} turns it off: one local replica serves while it catches up.
         */
        @WithDefault("true")
        boolean readyAfterReplay();

        /**
         * How often the live consumer's writes are committed (made durable with the offsets they came from). They are
         * searchable at once; a crash loses at most this much of them, which the restart replays from the topic.
         */
        @WithDefault("1s")
        Duration commitInterval();

        /** Memory the index writer buffers before it flushes a segment. */
        @WithDefault("64")
        int ramBufferMb();

        /**
         * Segments a full replay (a new index, or a reindex) merges the index down to before it reports done. Each
         * search visits every segment, so at 1M papers one segment instead of Lucene's usual dozen or so answers
         * related papers about twice as fast (docs/benchmarks.md); 0 leaves the layout to Lucene's merge policy.
         */
        @WithDefault("1")
        int segmentsAfterReplay();
    }

    /**
     * A related paper that ranks the source among its own closest papers gains {@code weight / (1 + rank)} (rank 0 the
     * first), so that papers near each other go ahead of one that is near everything. The defaults were chosen on the
     * tuning labels only, with 5-fold cross-validation (docs/benchmarks.md, "Mutual neighbours").
     */
    interface MutualNeighbours {
        /** What a paper whose own first related paper is the source gains on the fused scale; 0 turns it off. */
        @WithDefault("2.0")
        double weight();

        /**
         * How many of the best fused candidates have their own ranking looked at (each one a ranking of its own, kept
         * in the {@code neighbours} cache): 10 was as good as 20 and 40 on the tuning labels and costs half of 20.
         */
        @WithDefault("10")
        int candidates();

        /** How deep in a candidate's own ranking the source must stand to count. */
        @WithDefault("10")
        int depth();
    }

    /** How hybrid ranking fuses the vector and BM25 signals. */
    enum Fusion {
        /** Cosine plus text-weight times BM25 scaled by the query's best BM25 (the default; see docs/benchmarks.md). */
        CONVEX,
        /** Reciprocal-rank fusion, 1 / (rrf-k + rank) summed over both rankings. */
        RRF
    }

    interface Ranking {
        /** Fusion of the two signals: {@code convex} (default) or {@code rrf}. */
        @WithDefault("convex")
        Fusion fusion();

        /** Weight of the scaled BM25 score against the cosine in convex fusion; 1 weighs them equally. */
        @WithDefault("1.0")
        double textWeight();

        /** The constant k of reciprocal-rank fusion, 1 / (k + rank); 60 is the value of the original paper. */
        @WithDefault("60")
        int rrfK();

        /**
         * Weight of the character n-gram TF-IDF cosine (titles and summaries, glossary terms made one) added to the
         * fused score of every hybrid candidate of related papers; 0 leaves it out. 4 was the best of 1–4 (with text
         * weights 0.5–2 and related MMR λ 0.7–1) on the tuning labels, checked by 5-fold cross-validation
         * (docs/benchmarks.md).
         */
        @WithDefault("4.0")
        double charGramWeight();

        /**
         * The same for a reader's recommendations, the cosine taken to the papers of each interest. 0: on the tuning
         * labels it did not raise hit-rate@10 (docs/benchmarks.md), so it is left out.
         */
        @WithDefault("0.0")
        double readerCharGramWeight();

        /** Candidates taken from each signal (vector kNN, BM25) before fusion and diversification. */
        @WithDefault("100")
        int candidates();

        /** Maximal marginal relevance trade-off of a reader's recommendations: 1 ranks by relevance only, 0 by novelty only. */
        @WithDefault("0.7")
        double mmrLambda();

        /**
         * The same trade-off for related papers: 0.95, the best of 0.7–1 on the tuning labels together with the
         * mutual-neighbour bonus (docs/benchmarks.md); a paper's neighbours gain from less spreading than a reader's
         * interests.
         */
        @WithDefault("0.95")
        double relatedMmrLambda();

        /** Mutual neighbours in related papers: how much a paper gains for counting the source among its own closest. */
        MutualNeighbours mutual();

        /** Most interests a reading history is clustered into. */
        @WithDefault("3")
        int maxInterests();

        /** A reading signal counts half after this long, so recent reading weighs more. */
        @WithDefault("30d")
        Duration recencyHalfLife();

        /** How strongly similarity to a dismissed paper pushes a candidate down (subtracted, times the cosine). */
        @WithDefault("0.5")
        double dismissPenalty();
    }

    interface FeedWindow {
        /** How far back the Atom feed reaches: papers first seen within it, ranked for the reader. */
        @WithDefault("14d")
        Duration window();

        /** The most entries the Atom feed carries. */
        @WithDefault("50")
        int maxEntries();
    }

    interface Readers {
        /** Most recent distinct papers of a history that feed a profile. */
        @WithDefault("500")
        int historyLimit();

        /** How far back a feed reaches for a reader who has never visited and gives no {@code since}. */
        @WithDefault("7d")
        Duration feedWindow();

        /** The window in which "widely read" is counted for cold-start recommendations. */
        @WithDefault("30d")
        Duration popularityWindow();
    }

    interface Cache {
        /**
         * Keep related papers and recommendations. An entry serves only while the papers it depends on (its own,
         * those it lists, a reader's history) are unchanged, the papers it was ranked from (its own, a reader's
         * history) have no new neighbour, and, for recommendations, the reader's profile is what it was computed
         * from; a newly indexed paper drops only the entries it can change (see {@link #invalidationNeighbours()}).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How many of a newly indexed paper's nearest papers, by vector and as many by text, gain it as a neighbour:
         * their related lists, and the recommendations of readers who read them, are computed afresh (lists that only
         * show them stay). A list the paper would enter from further away keeps its entry until the time to live; 50
         * is five times the usual list, where the ranking's asymmetry is seen.
         */
        @WithDefault("50")
        int invalidationNeighbours();

        /** Most entries per cache (related, recommendations); the least recently used go first. */
        @WithDefault("50000")
        int maxEntries();

        /**
         * How long an entry is served as it is: recommendations also depend on the time (recency decay) and on what
         * everyone read (cold start), which no generation tracks.
         */
        @WithDefault("60s")
        Duration ttl();

        /**
         * How long past its time to live an entry may still be served, once per request, while it is recomputed in
         * the background, so that a reader whose entry merely aged does not wait for a ranking. Only inputs no stamp
         * tracks can be this old: with a recency half-life of 30 days, ten minutes move a score by 0.02 %. 0 computes
         * every aged entry before serving it.
         */
        @WithDefault("10m")
        Duration staleWhileRefreshing();

        /**
         * How long an entry that a newly indexed paper may belong in (a paper it was ranked from gained that paper as
         * a neighbour) is still served while it is recomputed in the background, so that readers do not wait for
         * rankings while papers arrive. Everything such an entry shows is still true; only papers indexed since may be
         * missing, for as long as the recomputation takes (tens of milliseconds on an idle replica; longer while
         * papers keep arriving, since one thread recomputes) and never longer than this. The default is the time to
         * live: no entry lags the index by more than a ttl. An entry that shows or was ranked from a written or removed
         * paper is always computed before it is served. 0 computes every such entry before serving it.
         */
        @WithDefault("60s")
        Duration newNeighbourGrace();
    }

    /**
     * Index snapshots: a replica with a complete index publishes a Lucene commit and the papers-topic offsets it covers
     * every {@code interval}; a replica whose index is new or wiped restores the newest one and replays only what
     * came after. Off while {@code store} is unset.
     */
    interface Snapshots {
        /**
         * Where snapshots are kept: a folder, or {@code s3://bucket/prefix} (credentials from the AWS SDK's default
         * chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or the pod's role). Unset: no snapshots.
         */
        Optional<String> store();

        /** How often a snapshot is published (only when papers changed since the last one). */
        @WithDefault("30m")
        Duration interval();

        /** How many snapshots the store keeps; older ones are deleted after a new one is written. */
        @WithDefault("2")
        int keep();

        /**
         * The oldest snapshot a replica restores. Below the papers topic's delete.retention.ms (Kafka's default 24 h):
         * replaying from an older one could miss a tombstone that compaction has removed since.
         */
        @WithDefault("20h")
        Duration maxAge();

        /** Whether a replica whose index is new restores a snapshot (else it replays the whole topic). */
        @WithDefault("true")
        boolean restore();

        /** The name this replica signs its snapshots with (the pod's name in Kubernetes). */
        @WithDefault("${HOSTNAME:recommend}")
        String replica();

        /** An S3-compatible endpoint other than AWS (MinIO, Ceph, S3Proxy); path-style addressing is used then. */
        Optional<URI> s3Endpoint();

        /** The bucket's region. */
        @WithDefault("us-east-1")
        String s3Region();
    }
}
