package dev.ronbun.recommend.index;

import dev.ronbun.recommend.config.RecommendConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Opens the service's on-disk paper index at startup and closes it at shutdown. */
@ApplicationScoped
public class PaperIndexProducer {

    @Produces
    @Singleton
    @Startup
    PaperIndex paperIndex(RecommendConfig config) {
        return PaperIndex.open(config.indexDir(), IndexSettings.from(config.index()));
    }

    void close(@Disposes PaperIndex index) {
        index.close();
    }
}
