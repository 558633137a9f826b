package dev.ronbun.contracts.http;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's rate limit of write endpoints, per principal, as configured under {@code ronbun.rate-limit}.
 * A bean of its own, created on first use, so the limit is read from runtime configuration (environment included).
 */
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final TokenBuckets buckets;

    public RateLimiter(RateLimitConfig config) {
        this.enabled = config.enabled();
        this.buckets = new TokenBuckets(config.requests(), config.period(), System::nanoTime);
    }

    /** Empty when the principal may go on, otherwise how long until it may. */
    public Optional<Duration> take(String principal) {
        return enabled ? buckets.take(principal) : Optional.empty();
    }
}
