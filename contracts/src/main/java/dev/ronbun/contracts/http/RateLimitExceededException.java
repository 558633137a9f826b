package dev.ronbun.contracts.http;

import java.time.Duration;

/** A caller has spent their allowance of one {@link RateLimiter.Limit}; answered 429 with {@code Retry-After}. */
public class RateLimitExceededException extends RuntimeException {

    private final RateLimiter.Limit limit;
    private final Duration wait;

    public RateLimitExceededException(RateLimiter.Limit limit, Duration wait) {
        super("rate limit " + limit + " exceeded", null, false, false);
        this.limit = limit;
        this.wait = wait;
    }

    public RateLimiter.Limit limit() {
        return limit;
    }

    public Duration waitFor() {
        return wait;
    }
}
