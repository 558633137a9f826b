package dev.ronbun.recommend.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Served results, each kept with the stamp of the state it was computed from and the index generation it was computed
 * at: a lookup with another stamp, or whose freshness test says that something the entry depends on changed after
 * that generation, computes afresh, so an entry is only reused while its inputs are unchanged. The time to live covers
 * the inputs no stamp tracks (the clock's recency decay, everyone's reading); an entry past it, but by less than the
 * stale window, is still served while it is recomputed in the background, so that a reader whose entry merely aged
 * does not wait for the ranking (Caffeine's refresh-after-write, HTTP's stale-while-revalidate); older than that it
 * is recomputed before it is served. An entry whose freshness test reports only a {@link Staleness#NEW_NEIGHBOUR new
 * neighbour} (a paper it was ranked from gained one: a new paper may belong in it, while all it shows still holds) is
 * likewise served while it is recomputed in the background, for at most the neighbour grace after that was first seen;
 * a request after the grace computes it. A {@link Staleness#CHANGED changed} input (a paper shown or ranked from was
 * written or removed) is always computed before serving: a removed paper is never shown again. Size-bounded (Caffeine evicts the entries least likely to be used again); hits, entries
 * served while a new neighbour is ranked in ({@code stale}) and misses are counted as
 * {@code ronbun.recommend.cache.requests{cache,result}}, background refreshes as
 * {@code ronbun.recommend.cache.refreshes{cache}}, how long stale entries were served before they were replaced as
 * {@code ronbun.recommend.cache.stale-served{cache}}, and entries the freshness test dropped as
 * {@code ronbun.recommend.cache.invalidated{cache,outcome}} (including those recomputed in the background for a new
 * neighbour): {@code changed} when the recomputed result shows something else, {@code same} when it shows what the
 * entry showed (an invalidation that was not needed; its share is how
 * precise the freshness test is). Two concurrent misses of one key both compute: cheaper than making
 * one wait, and the results are equal.
 */
public final class ResultCache<K, V> {

    private static final System.Logger LOG = System.getLogger(ResultCache.class.getName());

    /** @param staleSinceNanos when a new neighbour was first seen to concern it; {@link #FRESH} while none was */
    private record Entry<V>(Object stamp, long generation, long createdNanos, V value, long staleSinceNanos) {

        Entry(Object stamp, long generation, long createdNanos, V value) {
            this(stamp, generation, createdNanos, value, FRESH);
        }

        Entry<V> staleSince(long nanos) {
            return new Entry<>(stamp, generation, createdNanos, value, nanos);
        }
    }

    private static final long FRESH = Long.MIN_VALUE;

    private final Cache<K, Entry<V>> entries;
    private final long ttlNanos;
    private final long staleNanos;
    private final long neighbourGraceNanos;
    private final LongSupplier clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;
    private final Counter refreshes;
    private final Timer staleServed;
    private final Counter invalidatedChanged;
    private final Counter invalidatedSame;
    private final Function<V, ?> shown;
    private final Executor refresher;
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();

    /**
     * A cache of at most {@code maxEntries}; with {@code maxEntries} 0 every lookup computes.
     *
     * @param staleWindow    how long past the time to live an entry is still served while it is recomputed
     * @param neighbourGrace how long after a new neighbour was first seen to concern an entry it is still served
     *                       while it is recomputed; zero computes it before serving
     * @param refresher   runs the background recomputations of aged entries
     * @param shown       what of a result a reader sees (for a list: the papers in order), to tell whether an
     *                    invalidated entry's recomputation changed it
     */
    public ResultCache(String name, int maxEntries, Duration ttl, Duration staleWindow, Duration neighbourGrace,
                       MeterRegistry meters, LongSupplier nanoClock, Executor refresher, Function<V, ?> shown) {
        this.entries = maxEntries > 0 ? Caffeine.newBuilder().maximumSize(maxEntries).build() : null;
        this.ttlNanos = ttl.toNanos();
        this.staleNanos = staleWindow.toNanos();
        this.neighbourGraceNanos = neighbourGrace.toNanos();
        this.clock = nanoClock;
        this.refresher = refresher;
        this.hits = Counter.builder("ronbun.recommend.cache.requests").tag("cache", name).tag("result", "hit")
                .description("Served results found in the cache, by cache").register(meters);
        this.misses = Counter.builder("ronbun.recommend.cache.requests").tag("cache", name).tag("result", "miss")
                .description("Served results computed because the cache had none for the current state")
                .register(meters);
        this.stale = Counter.builder("ronbun.recommend.cache.requests").tag("cache", name).tag("result", "stale")
                .description("Served results a new neighbour may have changed, served while recomputed")
                .register(meters);
        this.refreshes = Counter.builder("ronbun.recommend.cache.refreshes").tag("cache", name)
                .description("Aged entries served once more while recomputed in the background").register(meters);
        this.staleServed = Timer.builder("ronbun.recommend.cache.stale-served").tag("cache", name)
                .description("How long an entry a new neighbour made stale was served before a recomputation "
                        + "replaced it, from the first request that found it stale")
                .register(meters);
        this.invalidatedChanged = invalidated(name, "changed", meters);
        this.invalidatedSame = invalidated(name, "same", meters);
        this.shown = shown;
    }

    private static Counter invalidated(String cache, String outcome, MeterRegistry meters) {
        return Counter.builder("ronbun.recommend.cache.invalidated").tag("cache", cache).tag("outcome", outcome)
                .description("Entries a change made stale, by whether their recomputation showed something else")
                .register(meters);
    }

    /**
     * The cached value for {@code key} if it was computed at {@code stamp} (compared with equals) within the time to
     * live (or within the stale window after it, then also recomputed in the background), else {@code compute}'s
     * value, then kept.
     * Take the stamp before computing: a value computed from a newer state than its stamp is only dropped early,
     * never served late.
     */
    public V get(K key, Object stamp, Supplier<V> compute) {
        return get(key, stamp, () -> 0, (generation, value) -> Staleness.NONE, compute);
    }

    /**
     * As {@link #get(Object, Object, Supplier)}, and {@code staleness} says what changed for the entry since the
     * generation it was computed at. {@code generation} is read before each computation (on the request, or when a
     * background refresh starts): a value computed from a newer state than its generation is only dropped early, never
     * served late.
     */
    public V get(K key, Object stamp, LongSupplier generation, BiFunction<Long, V, Staleness> staleness,
                 Supplier<V> compute) {
        long now = clock.getAsLong();
        Entry<V> invalidated = null;
        if (entries != null) {
            Entry<V> entry = entries.getIfPresent(key);
            if (entry != null && entry.stamp().equals(stamp) && now - entry.createdNanos() < ttlNanos + staleNanos) {
                Staleness state = staleness.apply(entry.generation(), entry.value());
                if (state == Staleness.NONE) {
                    if (now - entry.createdNanos() >= ttlNanos) {
                        refreshLater(key, entry, generation, compute, null);
                    }
                    hits.increment();
                    return entry.value();
                }
                if (state == Staleness.NEW_NEIGHBOUR && withinGrace(key, entry, now)) {
                    refreshLater(key, entry, generation, compute, entry.value());
                    stale.increment();
                    return entry.value();
                }
                invalidated = entry;
                recordStaleServed(entry, now); // its grace is over
            }
        }
        misses.increment();
        long current = generation.getAsLong();
        V value = compute.get();
        if (invalidated != null) {
            countInvalidated(invalidated.value(), value);
        }
        if (entries != null) {
            entries.put(key, new Entry<>(stamp, current, now, value));
        }
        return value;
    }

    /** True while the entry's grace for a new neighbour lasts; its first sight starts the grace. */
    private boolean withinGrace(K key, Entry<V> entry, long now) {
        if (neighbourGraceNanos <= 0) {
            return false;
        }
        if (entry.staleSinceNanos() == FRESH) {
            entries.asMap().replace(key, entry, entry.staleSince(now));
            return true;
        }
        return now - entry.staleSinceNanos() < neighbourGraceNanos;
    }

    /** How long a stale entry was served, now that a recomputation replaces it; nothing for an entry never stale. */
    private void recordStaleServed(Entry<V> replaced, long now) {
        if (replaced.staleSinceNanos() != FRESH) {
            staleServed.record(now - replaced.staleSinceNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void countInvalidated(V before, V after) {
        (Objects.equals(shown.apply(after), shown.apply(before)) ? invalidatedSame : invalidatedChanged).increment();
    }

    /**
     * Recomputes an aged or stale entry on the refresher, once at a time per key, unless a request recomputed it
     * meanwhile; the new value replaces the entry only if nothing newer (another stamp, a later computation) took its
     * place meanwhile. A failure keeps the entry, which then expires (or, when stale, is computed by the first request
     * after its grace).
     *
     * @param invalidated the value a new neighbour made stale, counted by whether its recomputation differs; null
     *                    when it merely aged
     */
    private void refreshLater(K key, Entry<V> entry, LongSupplier generation, Supplier<V> compute, V invalidated) {
        if (!refreshing.add(key)) {
            return;
        }
        Object stamp = entry.stamp();
        try {
            refresher.execute(() -> {
                try {
                    Entry<V> current = entries.getIfPresent(key);
                    if (current == null || current.createdNanos() != entry.createdNanos()
                            || !current.stamp().equals(stamp)) {
                        return; // recomputed or replaced since
                    }
                    long started = clock.getAsLong();
                    long at = generation.getAsLong();
                    V value = compute.get();
                    entries.asMap().computeIfPresent(key, (k, latest) -> {
                        if (!latest.stamp().equals(stamp) || latest.createdNanos() >= started) {
                            return latest;
                        }
                        recordStaleServed(latest, clock.getAsLong());
                        return new Entry<>(stamp, at, started, value);
                    });
                    refreshes.increment();
                    if (invalidated != null) {
                        countInvalidated(invalidated, value);
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "recomputing a cached result failed; it will expire", e);
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(key); // shutting down
        }
    }

    public long size() {
        return entries == null ? 0 : entries.estimatedSize();
    }
}
