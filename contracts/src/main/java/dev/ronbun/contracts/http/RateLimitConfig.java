package dev.ronbun.contracts.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Rate limits per principal (token subject), under {@code ronbun.rate-limit}: writes ({@code requests} per
 * {@code period}, in bursts of up to {@code requests}; the bucket refills evenly), reads that compute
 * ({@code compute.*}: search, recommendations not in the cache) and embedding ({@code embeddings.*}, counted in
 * texts). Admins are exempt from the compute and embedding limits (operators, benchmarks and fault suites run as
 * admin); writes count for everyone.
 */
@ConfigMapping(prefix = "ronbun.rate-limit")
public interface RateLimitConfig {

    /** Whether any endpoint is limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Writes a principal may make per period (also the largest burst). Default 60. */
    @WithDefault("60")
    int requests();

    /** The period the writes are counted over. Default one minute. */
    @WithDefault("1m")
    Duration period();

    /** Reads that compute: search and uncached recommendations. */
    Compute compute();

    /** {@code POST /api/embeddings}, counted in texts. */
    Embeddings embeddings();

    interface Compute {

        /** Computing reads per principal per period (also the largest burst). Default 120. */
        @WithDefault("120")
        int requests();

        /** Default one minute. */
        @WithDefault("1m")
        Duration period();
    }

    interface Embeddings {

        /** Texts a principal may have embedded per period: four full requests of 64, or 256 searches. Default 256. */
        @WithDefault("256")
        int texts();

        /** Default one minute. */
        @WithDefault("1m")
        Duration period();
    }
}
