package dev.ronbun.contracts;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a consumer retries a record whose processing failed (see {@link RedeliveryPolicy}): a config group that each
 * service's configuration mapping includes ({@code ronbun.embed.retry}, {@code ronbun.recommend.retry}). A failure
 * that cannot pass is dead-lettered at once; one that an outage causes is retried until the outage ends.
 */
public interface RedeliverySettings {

    /**
     * Attempts for a failure of unknown kind before the record goes to the dead-letter topic with the reason.
     * Transient failures (database or broker unreachable) are not counted: they are retried until they pass.
     */
    @WithDefault("5")
    int attempts();

    /** Back-off after the first failure; it doubles after each further one. */
    @WithDefault("500ms")
    Duration firstDelay();

    /** Longest back-off between two attempts, also while an outage lasts. */
    @WithDefault("30s")
    Duration maxDelay();

    /**
     * An attempt still running after this long (a connection that hangs rather than fails) turns the service's
     * liveness DOWN, so that it is restarted instead of stopping silently. Far above any normal attempt.
     */
    @WithDefault("10m")
    Duration stallLimit();
}
