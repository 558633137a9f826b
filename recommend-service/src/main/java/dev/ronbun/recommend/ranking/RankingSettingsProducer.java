package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.config.RecommendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The ranking settings and clock, from configuration. */
@ApplicationScoped
public class RankingSettingsProducer {

    @Produces
    @Singleton
    RankingSettings rankingSettings(RecommendConfig config) {
        return RankingSettings.from(config.ranking());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
