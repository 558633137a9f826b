package dev.ronbun.recommend.index;

import dev.ronbun.recommend.config.RecommendConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the service's on-disk paper index at startup and closes it at shutdown. A folder without a complete index is
 * first filled from a snapshot where one is configured. Before anything else starts (the papers consumer included),
 * so that the consumer's group can be started at the snapshot's offsets.
 */
@ApplicationScoped
public class PaperIndexProducer {

    @Produces
    @Singleton
    @Startup(Interceptor.Priority.PLATFORM_BEFORE)
    PaperIndex paperIndex(RecommendConfig config, IndexRestorer restorer) {
        Path folder = config.indexDir();
        Map<Integer, Long> restoredAt = restorer.restoreInto(folder, PaperIndex.schema()).orElse(Map.of());
        return PaperIndex.open(folder, IndexSettings.from(config.index()), restoredAt);
    }

    void close(@Disposes PaperIndex index) {
        index.close();
    }
}
