package dev.ronbun.embed.config;

import dev.ronbun.embed.embedding.BundledModel;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.embed.pipeline.EmbeddingMetrics;
import dev.ronbun.embed.storage.PassageVectorStore;
import dev.ronbun.embed.embedding.EmbedderSettings;
import dev.ronbun.embed.embedding.ModelFolder;
import dev.ronbun.embed.embedding.ModelSource;
import dev.ronbun.embed.embedding.TextEmbedder;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;

/** Loads the configured embedding model once: a local model folder if one is configured, else the bundled model. */
public class EmbedderProducer {

    private static final Logger LOG = Logger.getLogger(EmbedderProducer.class);

    @Produces
    @Singleton
    TextEmbedder textEmbedder(EmbedConfig config) {
        EmbedConfig.Model model = config.model();
        int threads = model.threads() > 0 ? model.threads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, model.parallelPasses()));
        EmbedderSettings settings = new EmbedderSettings(threads, model.maxBatchSize(), model.maxBatchTokens());
        try {
            ModelFolder folder = new ModelSource(model.dir(), model.cacheDir().orElse(BundledModel.defaultCacheRoot()))
                    .open();
            TextEmbedder embedder = new TextEmbedder(folder, settings);
            LOG.infof("Embedding model %s (version %s, %d dimensions) from %s, %d passes at once of %d threads each",
                    folder.descriptor().id(), folder.modelVersion(), embedder.dimension(), folder.directory(),
                    model.parallelPasses(), threads);
            return embedder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the embedding model", e);
        }
    }

    /** One vectorizer for the consumer and re-embeds: both use the passage cache and report to the same metrics. */
    @Produces
    @Singleton
    PaperVectorizer paperVectorizer(TextEmbedder embedder, PassageVectorStore cache, EmbeddingMetrics metrics,
                                    EmbedConfig config) {
        return new PaperVectorizer(embedder, config.chunkWeights().weights(), cache, metrics);
    }

    void close(@Disposes TextEmbedder embedder) {
        embedder.close();
    }
}
