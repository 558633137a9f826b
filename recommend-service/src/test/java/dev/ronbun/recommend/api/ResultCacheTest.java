package dev.ronbun.recommend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger computed = new AtomicInteger();
    /** Background refreshes wait here until a test runs them. */
    private final List<Runnable> refreshes = new ArrayList<>();

    private ResultCache<String, String> cache(int maxEntries) {
        return cache(maxEntries, Duration.ofSeconds(5));
    }

    private ResultCache<String, String> cache(int maxEntries, Duration neighbourGrace) {
        return new ResultCache<>("test", maxEntries, Duration.ofSeconds(60), Duration.ofSeconds(60), neighbourGrace,
                meters, nanos::get, refreshes::add, value -> value.substring(0, value.indexOf(' ')));
    }

    private void runRefreshes() {
        List<Runnable> due = List.copyOf(refreshes);
        refreshes.clear();
        due.forEach(Runnable::run);
    }

    private String compute() {
        return "result " + computed.incrementAndGet();
    }

    @Test
    void sameKeyAndStampIsServedFromTheCache() {
        ResultCache<String, String> cache = cache(10);
        assertThat(cache.get("paper-1", 7L, this::compute)).isEqualTo("result 1");
        assertThat(cache.get("paper-1", 7L, this::compute)).isEqualTo("result 1");
        assertThat(cache.get("paper-2", 7L, this::compute)).isEqualTo("result 2");
        assertThat(computed).hasValue(2);
        assertThat(meters.counter("ronbun.recommend.cache.requests", "cache", "test", "result", "hit").count())
                .isEqualTo(1.0);
        assertThat(meters.counter("ronbun.recommend.cache.requests", "cache", "test", "result", "miss").count())
                .isEqualTo(2.0);
    }

    @Test
    void anEntryTheFreshnessTestDropsIsCountedByWhetherItsRecomputationShowsSomethingElse() {
        ResultCache<String, String> cache = cache(10);
        AtomicInteger next = new AtomicInteger();
        List<String> results = List.of("a 1", "a 2", "b 3");
        cache.get("paper-1", 7L, () -> 1, (generation, value) -> Staleness.NONE,
                () -> results.get(next.getAndIncrement()));

        cache.get("paper-1", 7L, () -> 2, changedBefore(2), () -> results.get(next.getAndIncrement()));
        assertThat(invalidated("same")).as("recomputed, and it shows the same (\"a\")").isEqualTo(1.0);
        cache.get("paper-1", 7L, () -> 3, changedBefore(3), () -> results.get(next.getAndIncrement()));
        assertThat(invalidated("changed")).as("recomputed, and it shows another (\"b\")").isEqualTo(1.0);
        cache.get("paper-1", 8L, () -> 4, (generation, value) -> Staleness.NONE, this::compute);
        assertThat(invalidated("same") + invalidated("changed")).as("another stamp is not an invalidation")
                .isEqualTo(2.0);
    }

    /** Entries computed before {@code generation} saw a paper they show or were ranked from change. */
    private static BiFunction<Long, String, Staleness> changedBefore(long generation) {
        return (at, value) -> at < generation ? Staleness.CHANGED : Staleness.NONE;
    }

    /** Entries computed before {@code generation} were ranked from a paper that gained a neighbour since. */
    private static BiFunction<Long, String, Staleness> neighbouredBefore(long generation) {
        return (at, value) -> at < generation ? Staleness.NEW_NEIGHBOUR : Staleness.NONE;
    }

    @Test
    void anEntryANewPaperMayBelongInIsServedWhileItIsRecomputedInTheBackground() {
        ResultCache<String, String> cache = cache(10);
        cache.get("paper-1", 7L, () -> 1, neighbouredBefore(1), this::compute);
        AtomicLong generation = new AtomicLong(2);

        assertThat(cache.get("paper-1", 7L, generation::get, neighbouredBefore(2), this::compute))
                .as("served as it was").isEqualTo("result 1");
        assertThat(cache.get("paper-1", 7L, generation::get, neighbouredBefore(2), this::compute))
                .isEqualTo("result 1");
        assertThat(computed).as("no reader waited for the ranking").hasValue(1);
        assertThat(refreshes).as("one refresh per key at a time").hasSize(1);
        assertThat(meters.counter("ronbun.recommend.cache.requests", "cache", "test", "result", "stale").count())
                .isEqualTo(2.0);

        generation.set(3); // a write before the refresh starts: the refreshed entry covers it
        nanos.addAndGet(Duration.ofMillis(1_500).toNanos());
        runRefreshes();
        assertThat(meters.timer("ronbun.recommend.cache.stale-served", "cache", "test").totalTime(TimeUnit.MILLISECONDS))
                .as("served stale from the first stale request until the refresh replaced it").isEqualTo(1_500.0);
        assertThat(cache.get("paper-1", 7L, generation::get, neighbouredBefore(3), this::compute))
                .as("the recomputation, computed at the generation its refresh started at").isEqualTo("result 2");
        assertThat(refreshes).isEmpty();
        assertThat(invalidated("same")).as("it shows the same (\"result\")").isEqualTo(1.0);
    }

    @Test
    void aStaleEntryWhoseRefreshDidNotLandWithinTheGraceIsComputedBeforeItIsServed() {
        ResultCache<String, String> cache = cache(10);
        cache.get("paper-1", 7L, () -> 1, neighbouredBefore(1), this::compute);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.get("paper-1", 7L, () -> 2, neighbouredBefore(2), this::compute)).isEqualTo("result 1");
        nanos.addAndGet(Duration.ofMillis(4_900).toNanos());
        assertThat(cache.get("paper-1", 7L, () -> 2, neighbouredBefore(2), this::compute))
                .as("within 5 s of the first stale sight").isEqualTo("result 1");
        nanos.addAndGet(Duration.ofMillis(200).toNanos());
        assertThat(cache.get("paper-1", 7L, () -> 2, neighbouredBefore(2), this::compute))
                .as("the grace is over: the refresh queue is behind").isEqualTo("result 2");
        assertThat(meters.timer("ronbun.recommend.cache.stale-served", "cache", "test").max(TimeUnit.MILLISECONDS))
                .as("served stale for the whole grace and a little").isEqualTo(5_100.0);
        runRefreshes();
        assertThat(cache.get("paper-1", 7L, () -> 2, neighbouredBefore(2), this::compute))
                .as("a late refresh never replaces a newer entry").isEqualTo("result 2");
    }

    @Test
    void anEntryShowingAChangedPaperIsNeverServedEvenWithinTheGrace() {
        ResultCache<String, String> cache = cache(10);
        cache.get("paper-1", 7L, () -> 1, changedBefore(1), this::compute);
        assertThat(cache.get("paper-1", 7L, () -> 2, changedBefore(2), this::compute)).isEqualTo("result 2");
        assertThat(refreshes).isEmpty();
    }

    @Test
    void withoutAGraceANewNeighbourComputesTheEntryBeforeItIsServed() {
        ResultCache<String, String> cache = cache(10, Duration.ZERO);
        cache.get("paper-1", 7L, () -> 1, neighbouredBefore(1), this::compute);
        assertThat(cache.get("paper-1", 7L, () -> 2, neighbouredBefore(2), this::compute)).isEqualTo("result 2");
        assertThat(refreshes).isEmpty();
    }

    private double invalidated(String outcome) {
        return meters.counter("ronbun.recommend.cache.invalidated", "cache", "test", "outcome", outcome).count();
    }

    @Test
    void anotherStampComputesAfreshAndReplacesTheEntry() {
        ResultCache<String, String> cache = cache(10);
        cache.get("paper-1", 7L, this::compute);
        assertThat(cache.get("paper-1", 8L, this::compute)).isEqualTo("result 2");
        assertThat(cache.get("paper-1", 8L, this::compute)).isEqualTo("result 2");
        assertThat(cache.get("paper-1", 7L, this::compute)).as("an older stamp is not served either")
                .isEqualTo("result 3");
    }

    @Test
    void entriesPastTheStaleWindowAreComputedBeforeTheyAreServed() {
        ResultCache<String, String> cache = cache(10);
        cache.get("reader-a", "profile", this::compute);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 1");
        assertThat(refreshes).as("young entries are not refreshed").isEmpty();
        nanos.addAndGet(Duration.ofSeconds(62).toNanos());
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 2");
        assertThat(refreshes).isEmpty();
    }

    @Test
    void anAgedEntryIsServedOnceMoreWhileItIsRecomputedInTheBackground() {
        ResultCache<String, String> cache = cache(10);
        cache.get("reader-a", "profile", this::compute);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 1");
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 1");
        assertThat(refreshes).as("one refresh per key at a time").hasSize(1);
        assertThat(computed).as("nobody waited for the ranking").hasValue(1);

        runRefreshes();
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 2");
        assertThat(meters.counter("ronbun.recommend.cache.refreshes", "cache", "test").count()).isEqualTo(1.0);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.get("reader-a", "profile", this::compute)).as("the refreshed entry lives a full ttl")
                .isEqualTo("result 2");
        assertThat(refreshes).isEmpty();
    }

    @Test
    void aRefreshNeverReplacesAnEntryOfANewerStamp() {
        ResultCache<String, String> cache = cache(10);
        cache.get("reader-a", "profile 1", this::compute);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.get("reader-a", "profile 1", this::compute); // aged: refresh queued
        assertThat(cache.get("reader-a", "profile 2", this::compute)).isEqualTo("result 2");

        runRefreshes();
        assertThat(computed).as("the refresh of a replaced entry computes nothing").hasValue(2);
        assertThat(cache.get("reader-a", "profile 2", this::compute)).isEqualTo("result 2");
    }

    @Test
    void aFailedRefreshKeepsTheAgedEntryUntilItExpires() {
        ResultCache<String, String> cache = cache(10);
        cache.get("reader-a", "profile", this::compute);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        cache.get("reader-a", "profile", () -> {
            throw new IllegalStateException("database restarting");
        });
        runRefreshes();
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 1");
        assertThat(refreshes).as("the next request tries again").hasSize(1);
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 2");
    }

    @Test
    void aFailedComputationKeepsNothing() {
        ResultCache<String, String> cache = cache(10);
        assertThatThrownBy(() -> cache.get("missing", 1L, () -> {
            throw new IllegalStateException("unknown paper");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.size()).isZero();
        assertThat(cache.get("missing", 1L, this::compute)).isEqualTo("result 1");
    }

    @Test
    void aDisabledCacheAlwaysComputes() {
        ResultCache<String, String> cache = cache(0);
        cache.get("paper-1", 7L, this::compute);
        cache.get("paper-1", 7L, this::compute);
        assertThat(computed).hasValue(2);
    }
}
