package dev.ronbun.recommend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger computed = new AtomicInteger();
    /** Background refreshes wait here until a test runs them. */
    private final List<Runnable> refreshes = new ArrayList<>();

    private ResultCache<String, String> cache(int maxEntries) {
        return new ResultCache<>("test", maxEntries, Duration.ofSeconds(60), Duration.ofSeconds(60), meters,
                nanos::get, refreshes::add, value -> value.substring(0, value.indexOf(' ')));
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
        cache.get("paper-1", 7L, 1, (generation, value) -> true, () -> results.get(next.getAndIncrement()));

        cache.get("paper-1", 7L, 2, (generation, value) -> generation >= 2, () -> results.get(next.getAndIncrement()));
        assertThat(invalidated("same")).as("recomputed, and it shows the same (\"a\")").isEqualTo(1.0);
        cache.get("paper-1", 7L, 3, (generation, value) -> generation >= 3, () -> results.get(next.getAndIncrement()));
        assertThat(invalidated("changed")).as("recomputed, and it shows another (\"b\")").isEqualTo(1.0);
        cache.get("paper-1", 8L, 4, (generation, value) -> true, this::compute);
        assertThat(invalidated("same") + invalidated("changed")).as("another stamp is not an invalidation")
                .isEqualTo(2.0);
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
        assertThat(computed).hasValue(3);
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
