package dev.ronbun.contracts;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a consumer retries a record that fails for a passing reason before dead-lettering it: a config group that
 * each service's configuration mapping includes ({@code ronbun.embed.retry}, {@code ronbun.recommend.retry}).
 */
public interface RedeliverySettings {

    /** Attempts before the record goes to the dead-letter topic with the reason. */
    @WithDefault("8")
    int attempts();

    /** Back-off after the first failure; it doubles after each further one. */
    @WithDefault("500ms")
    Duration firstDelay();

    /** Longest back-off between two attempts. */
    @WithDefault("30s")
    Duration maxDelay();
}
