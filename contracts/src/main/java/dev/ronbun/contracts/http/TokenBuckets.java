package dev.ronbun.contracts.http;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a principal): holds up to {@code capacity} tokens and refills one every
 * {@code period / capacity}. A call takes a token, or learns how long until the next one.
 */
public final class TokenBuckets {

    /** Above this many keys, buckets that have refilled completely are dropped: they hold no state worth keeping. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int capacity;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, Duration period, LongSupplier nanoTime) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least one request per positive period");
        }
        this.capacity = capacity;
        this.nanosPerToken = Math.max(1, period.toNanos() / capacity);
        this.nanoTime = nanoTime;
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
        long now = nanoTime.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now, tokens);
    }

    private final class Bucket {
        /** The time at which the bucket is (or was) full; tokens are the time left until then, in token units. */
        private long fullAt;

        Bucket(long now) {
            this.fullAt = now;
        }

        synchronized Optional<Duration> take(long now, int tokens) {
            long start = Math.max(fullAt, now);
            long emptyAt = now + capacity * nanosPerToken;
            long spent = tokens * nanosPerToken;
            if (start + spent > emptyAt) {
                return Optional.of(Duration.ofNanos(start + spent - emptyAt));
            }
            fullAt = start + spent;
            return Optional.empty();
        }

        synchronized boolean isFull(long now) {
            return fullAt <= now;
        }
    }
}
