package dev.ronbun.embed.config;

import dev.ronbun.contracts.RedeliverySettings;
import dev.ronbun.embed.embedding.ChunkWeights;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** embed-service settings, under {@code ronbun.embed}. */
@ConfigMapping(prefix = "ronbun.embed")
public interface EmbedConfig {

    /** The embedding model and how hard it may use the machine. */
    Model model();

    /** How papers' keywords are chosen. */
    Keywords keywords();

    /**
     * Shares of a paper's vector given to its title, its summary and its body (see {@link ChunkWeights}); changing
     * them changes new papers' vectors only, stored ones keep theirs until they are embedded again.
     */
    Chunks chunkWeights();

    /**
     * How the summaries consumer and re-embeds retry what fails: a failure an outage causes until the outage ends,
     * one of unknown kind a few times; a summary that can never be stored is dead-lettered at once.
     */
    RedeliverySettings retry();

    /** How stored summaries are embedded again when the model changes. */
    Reembed reembed();

    interface Model {
        /**
         * A local Hugging Face-style model folder (tokenizer.json, model.onnx, ronbun-model.json). When absent, the
         * bundled bge-small-zh-v1.5 int8 is used.
         */
        Optional<Path> dir();

        /** Where the bundled model is unpacked; defaults to a folder under the system temp dir. */
        Optional<Path> cacheDir();

        /**
         * Forward passes run at once: the summaries consumer reads this many partition groups in parallel (each in
         * partition order; {@code mp.messaging.incoming.summaries.concurrency} is bound to it) and a re-embed embeds
         * this many slices of a batch at once. With one pass at a time the model keeps about one core busy even with
         * several intra-op threads, since tokenising, pooling and the database run between passes.
         */
        @WithDefault("2")
        int parallelPasses();

        /**
         * ONNX Runtime threads per inference; 0 means the available cores shared among the
         * {@linkplain #parallelPasses() parallel passes} (at least one each).
         */
        @WithDefault("0")
        int threads();

        /** Most passages in one forward pass. */
        @WithDefault("32")
        int maxBatchSize();

        /** Most padded tokens (passages × longest) in one forward pass; bounds transient memory. */
        @WithDefault("8192")
        int maxBatchTokens();
    }

    interface Chunks {
        /** Share of the title chunk (English and Japanese titles together). */
        @WithDefault("0.35")
        double title();

        /** Share of the short summary. */
        @WithDefault("0.35")
        double summary();

        /** Share of all body chunks together. */
        @WithDefault("0.30")
        double body();

        default ChunkWeights weights() {
            return new ChunkWeights(title(), summary(), body());
        }
    }

    interface Keywords {
        /** Keywords kept per paper, ranked by TF-IDF over the corpus. */
        @WithDefault("12")
        int perPaper();

        /**
         * How often every paper's keywords are ranked again once the corpus has changed (papers or summaries
         * added): document frequencies move as papers arrive, and ranking again makes a paper's keywords those of
         * the corpus as it stands, whatever order its papers came in. Papers whose keywords changed are published
         * again. The scheduler reads this key directly.
         */
        @WithDefault("60s")
        String refreshInterval();

        /**
         * While papers keep arriving, every paper's keywords are ranked again only once the corpus has grown by this
         * factor since the last round (a round reads and may republish every paper); once the corpus is quiet for an
         * interval, the final round runs whatever the growth. With factor g, loading a corpus of N papers costs about
         * N × g / (g − 1) rankings in rounds under load: 2 gives 2N where 1.05 gave 21N; under a steady stream of
         * summaries into a small corpus 2 saved about a fifth of the service's CPU (docs/benchmarks.md).
         */
        @WithDefault("2.0")
        double refreshGrowth();
    }

    interface Reembed {
        /**
         * Summaries embedded per batch. Each batch is one database transaction and one progress update; a restart
         * loses at most the batch in flight.
         */
        @WithDefault("16")
        int batchSize();

        /** Papers read per page when every paper is republished after the switch to a new model version. */
        @WithDefault("200")
        int publishPageSize();
    }
}
