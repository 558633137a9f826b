package dev.ronbun.recommend.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Served results, each kept with the stamp of the state it was computed from: a lookup with another stamp, or after
 * the time to live, computes afresh. So an entry is never stale by content, only reused while its inputs are unchanged.
 * Size-bounded (Caffeine evicts the entries least likely to be used again); hits and misses are counted as
 * {@code ronbun.recommend.cache.requests{cache,result}}. Two concurrent misses of one key both compute: cheaper than
 * making one wait, and the results are equal.
 */
public final class ResultCache<K, V> {

    private record Entry<V>(Object stamp, long createdNanos, V value) {
    }

    private final Cache<K, Entry<V>> entries;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final Counter hits;
    private final Counter misses;

    /** A cache of at most {@code maxEntries}; with {@code maxEntries} 0 every lookup computes. */
    public ResultCache(String name, int maxEntries, Duration ttl, MeterRegistry meters, LongSupplier nanoClock) {
        this.entries = maxEntries > 0 ? Caffeine.newBuilder().maximumSize(maxEntries).build() : null;
        this.ttlNanos = ttl.toNanos();
        this.clock = nanoClock;
        this.hits = Counter.builder("ronbun.recommend.cache.requests").tag("cache", name).tag("result", "hit")
                .description("Served results found in the cache, by cache").register(meters);
        this.misses = Counter.builder("ronbun.recommend.cache.requests").tag("cache", name).tag("result", "miss")
                .description("Served results computed because the cache had none for the current state")
                .register(meters);
    }

    /**
     * The cached value for {@code key} if it was computed at {@code stamp} (compared with equals) within the time to
     * live, else {@code compute}'s value, then kept. Take the stamp before computing: a value computed from a newer
     * state than its stamp is only dropped early, never served late.
     */
    public V get(K key, Object stamp, Supplier<V> compute) {
        long now = clock.getAsLong();
        if (entries != null) {
            Entry<V> entry = entries.getIfPresent(key);
            if (entry != null && entry.stamp().equals(stamp) && now - entry.createdNanos() < ttlNanos) {
                hits.increment();
                return entry.value();
            }
        }
        misses.increment();
        V value = compute.get();
        if (entries != null) {
            entries.put(key, new Entry<>(stamp, now, value));
        }
        return value;
    }

    public long size() {
        return entries == null ? 0 : entries.estimatedSize();
    }
}
