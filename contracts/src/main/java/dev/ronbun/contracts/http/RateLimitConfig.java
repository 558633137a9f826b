package dev.ronbun.contracts.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The rate limit of write endpoints, under {@code ronbun.rate-limit}: each principal (token subject) may make
 * {@code requests} calls per {@code period}, in bursts of up to {@code requests}; the bucket refills evenly.
 */
@ConfigMapping(prefix = "ronbun.rate-limit")
public interface RateLimitConfig {

    /** Whether write endpoints are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Calls a principal may make per period (also the largest burst). Default 60. */
    @WithDefault("60")
    int requests();

    /** The period the requests are counted over. Default one minute. */
    @WithDefault("1m")
    Duration period();
}
