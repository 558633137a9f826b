package dev.ronbun.contracts.http;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's rate limits per principal, as configured under {@code ronbun.rate-limit}. A bean of its own,
 * created on first use, so the limits are read from runtime configuration (environment included).
 */
@ApplicationScoped
public class RateLimiter {

    /** What a call spends. */
    public enum Limit {
        /** Writes: documents, reading events, interests, admin jobs. */
        WRITES,
        /** Reads that compute: search, recommendations not in the cache. */
        COMPUTE,
        /** Texts embedded. */
        EMBEDDINGS
    }

    private final boolean enabled;
    private final Map<Limit, TokenBuckets> buckets = new EnumMap<>(Limit.class);

    public RateLimiter(RateLimitConfig config) {
        this.enabled = config.enabled();
        buckets.put(Limit.WRITES, new TokenBuckets(config.requests(), config.period(), System::nanoTime));
        buckets.put(Limit.COMPUTE, new TokenBuckets(config.compute().requests(), config.compute().period(),
                System::nanoTime));
        buckets.put(Limit.EMBEDDINGS, new TokenBuckets(config.embeddings().texts(), config.embeddings().period(),
                System::nanoTime));
    }

    /** Takes one write for the principal: empty when it may go on, otherwise how long until it may. */
    public Optional<Duration> take(String principal) {
        return enabled ? buckets.get(Limit.WRITES).take(principal, 1) : Optional.empty();
    }

    /**
     * Spends {@code cost} of the caller's allowance, or throws {@link RateLimitExceededException} (429). Admins are
     * exempt from every limit but writes.
     */
    public void require(Limit limit, SecurityIdentity caller, int cost) {
        if (!enabled || (limit != Limit.WRITES && caller.hasRole(Roles.ADMIN))) {
            return;
        }
        require(limit, caller.isAnonymous() ? "" : caller.getPrincipal().getName(), cost);
    }

    /**
     * Spends {@code cost} of a named allowance, for calls without a token that still stand for someone (a reader's
     * secret feed URL), or throws {@link RateLimitExceededException} (429).
     */
    public void require(Limit limit, String principal, int cost) {
        if (!enabled) {
            return;
        }
        buckets.get(limit).take(principal, cost).ifPresent(wait -> {
            throw new RateLimitExceededException(limit, wait);
        });
    }
}
