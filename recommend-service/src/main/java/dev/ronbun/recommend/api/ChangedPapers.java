package dev.ronbun.recommend.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.index.SignalHits;
import dev.ronbun.recommend.index.VectorCentre;
import dev.ronbun.recommend.pipeline.PapersChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Which cached results a write to the index may have changed, so that a new paper costs the caches only the entries
 * it can change, not all of them. A written or removed paper marks itself and its own nearest papers (the configured
 * number by vector and as many by text, the two signals related papers are ranked from) as changed at the write's
 * generation. A cached list then counts
 * as stale when it was computed before a change to its own paper, to any paper it lists, or (for a reader) to any
 * paper of the reader's history: a new paper that would enter a related list is, but for the ranking's asymmetry,
 * among that list's paper's neighbours, and one that would enter a reader's list lies near papers the reader read
 * or was shown. What no mark catches (a paper ranked in from beyond its neighbours, document frequencies drifting)
 * is bounded by the caches' time to live. A replay, or a re-centring of a model's vectors, changes everything.
 *
 * <p>Finding a paper's neighbours costs the two searches of a related-papers request. So that a flood of papers (a re-embed, a
 * large import) does not spend the service's CPU on it, marking takes at most a tenth of the indexer's time: a write
 * that comes sooner after the last marking than nine times that marking's cost changes everything instead, as every
 * write did before marks existed. With nothing cached there is nothing to mark either.
 *
 * <p>Marks older than the longest an entry lives are forgotten; one dropped for room moves the floor instead, so a
 * forgotten mark can only make entries stale too early, never serve them too late.
 */
@ApplicationScoped
public class ChangedPapers {

    /** A tenth of the indexer's time at most goes to finding neighbours. */
    static final double MARKING_SHARE = 0.1;

    private final PaperIndexReader index;
    private final PaperCandidates candidates;
    private final int neighbours;
    /** Paper id → the generation at which it, or a new neighbour of it, last changed. */
    private final Cache<String, Long> changedAt;
    /** Everything computed before this generation is stale. */
    private final AtomicLong floor = new AtomicLong();
    private final Map<String, VectorCentre> centres = new ConcurrentHashMap<>();
    private final BooleanSupplier anythingCached;
    /** Before this (System.nanoTime), marking would take more than its share of the indexer's time. */
    private long nextMarkingNanos = Long.MIN_VALUE;
    /** Time to leave unmarked after a marking, per unit of its cost. */
    private final double idleFactor;
    private final Counter marked;
    private final Counter everything;

    @Inject
    public ChangedPapers(PaperIndexReader index, PaperCandidates candidates, RecommendConfig config,
                         MeterRegistry meters, Instance<ServedResults> served) {
        this(index, candidates, config.cache().invalidationNeighbours(),
                config.cache().ttl().plus(config.cache().staleWhileRefreshing()),
                Math.max(1_000, 20L * config.cache().maxEntries()), MARKING_SHARE, meters,
                () -> served.get().anythingCached());
    }

    /**
     * @param neighbours how many of a written paper's nearest papers, by each signal, count as changed with it
     * @param remember   how long a mark is kept: the longest a cached entry lives
     * @param mostMarks  how many marks are kept; dropping one for room moves the floor
     * @param markingShare the most of the indexer's time that finding neighbours may take, in (0, 1]
     */
    ChangedPapers(PaperIndexReader index, PaperCandidates candidates, int neighbours, Duration remember,
                  long mostMarks, double markingShare, MeterRegistry meters, BooleanSupplier anythingCached) {
        this.idleFactor = 1 / markingShare - 1;
        this.index = index;
        this.anythingCached = anythingCached;
        this.candidates = candidates;
        this.neighbours = neighbours;
        this.changedAt = Caffeine.newBuilder()
                .expireAfterWrite(remember)
                .maximumSize(mostMarks)
                .executor(Runnable::run)
                .removalListener((String id, Long generation, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE && generation != null) {
                        floor.accumulateAndGet(generation, Math::max);
                    }
                })
                .build();
        this.marked = Counter.builder("ronbun.recommend.cache.changed-papers")
                .description("Papers marked as changed by a write to the index (each written paper and its nearest)")
                .register(meters);
        this.everything = Counter.builder("ronbun.recommend.cache.changed-everything")
                .description("Writes that counted every cached result as changed (a replay, a re-centring)")
                .register(meters);
    }

    void onChange(@Observes PapersChanged change) {
        long start = System.nanoTime();
        if (change.everything() || start < nextMarkingNanos || !anythingCached.getAsBoolean()) {
            changeEverything(change.generation());
            return;
        }
        Set<String> touched = new LinkedHashSet<>(change.removed());
        for (PaperEvent paper : change.written()) {
            if (recentred(PaperDocuments.modelOf(paper))) {
                changeEverything(change.generation());
                return;
            }
            touched.add(paper.paperId());
            touched.addAll(paper.formerIds());
            SignalHits near = candidates.forPaper(paper, neighbours, true, true);
            near.byVector().stream().map(ScoredPaper::paperId).forEach(touched::add);
            near.byText().stream().map(ScoredPaper::paperId).forEach(touched::add);
        }
        for (String id : touched) {
            changedAt.asMap().merge(id, change.generation(), Math::max);
        }
        marked.increment(touched.size());
        long end = System.nanoTime();
        nextMarkingNanos = end + (long) (idleFactor * (end - start));
    }

    /**
     * True when nothing a result computed at {@code generation} depends on has changed since: neither the papers
     * given (the list's own paper, the papers listed, a reader's history) nor everything.
     */
    public boolean unchangedSince(long generation, Collection<String> paperIds) {
        if (generation < floor.get()) {
            return false;
        }
        for (String id : paperIds) {
            Long changed = changedAt.getIfPresent(id);
            if (changed != null && changed > generation) {
                return false;
            }
        }
        return true;
    }

    private void changeEverything(long generation) {
        floor.accumulateAndGet(generation, Math::max);
        everything.increment();
    }

    /** True when the model's vectors were centred anew since the last write seen (every cosine moved). */
    private boolean recentred(String model) {
        VectorCentre now = index.centre(model);
        VectorCentre before = centres.put(model, now);
        return before != null && before != now;
    }
}
