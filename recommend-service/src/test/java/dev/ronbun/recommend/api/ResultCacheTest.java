package dev.ronbun.recommend.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResultCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger computed = new AtomicInteger();

    private ResultCache<String, String> cache(int maxEntries) {
        return new ResultCache<>("test", maxEntries, Duration.ofSeconds(60), meters, nanos::get);
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
    void anotherStampComputesAfreshAndReplacesTheEntry() {
        ResultCache<String, String> cache = cache(10);
        cache.get("paper-1", 7L, this::compute);
        assertThat(cache.get("paper-1", 8L, this::compute)).isEqualTo("result 2");
        assertThat(cache.get("paper-1", 8L, this::compute)).isEqualTo("result 2");
        assertThat(cache.get("paper-1", 7L, this::compute)).as("an older stamp is not served either")
                .isEqualTo("result 3");
    }

    @Test
    void entriesExpireAfterTheTimeToLive() {
        ResultCache<String, String> cache = cache(10);
        cache.get("reader-a", "profile", this::compute);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.get("reader-a", "profile", this::compute)).isEqualTo("result 1");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
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
