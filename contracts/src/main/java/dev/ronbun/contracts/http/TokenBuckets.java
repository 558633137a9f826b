package dev.ronbun.contracts.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a principal), from Bucket4j: holds up to {@code capacity} tokens and refills them
 * smoothly over {@code period} (one every {@code period / capacity}). A call takes tokens, or learns how long until
 * it could. The clock is given so tests can move it.
 */
public final class TokenBuckets {

    /** Above this many keys, buckets that have refilled completely are dropped: they hold no state worth keeping. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int capacity;
    private final Duration period;
    private final TimeMeter clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, Duration period, LongSupplier nanoTime) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least one request per positive period");
        }
        this.capacity = capacity;
        this.period = period;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    /** Takes a token for the key; empty when it had one, otherwise how long until it will. */
    public Optional<Duration> take(String key) {
        return take(key, 1);
    }

    /**
     * Takes {@code cost} tokens for the key (at most the capacity: the dearest call empties a full bucket); empty
     * when it had them, otherwise how long until it will.
     */
    public Optional<Duration> take(String key, int cost) {
        int tokens = Math.max(1, Math.min(cost, capacity));
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(tokens);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .withCustomTimePrecision(clock).build();
    }
}
