package dev.ronbun.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(3), now::get);

    @Test
    void allowsABurstOfTheCapacityThenSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("alice")).isEmpty();
        }

        assertThat(buckets.take("alice")).contains(Duration.ofSeconds(1));
    }

    @Test
    void refillsOneTokenPerPeriodOverCapacity() {
        for (int i = 0; i < 3; i++) {
            buckets.take("alice");
        }
        now.addAndGet(Duration.ofMillis(1500).toNanos());

        assertThat(buckets.take("alice")).isEmpty();
        assertThat(buckets.take("alice")).contains(Duration.ofMillis(500));
    }

    @Test
    void eachPrincipalHasABucketOfItsOwn() {
        for (int i = 0; i < 3; i++) {
            buckets.take("alice");
        }

        assertThat(buckets.take("alice")).isPresent();
        assertThat(buckets.take("bob")).isEmpty();
    }

    @Test
    void aCallCostingMoreThanTheCapacityEmptiesAFullBucketAndWaitsForAllOfIt() {
        assertThat(buckets.take("carol", 10)).isEmpty();
        assertThat(buckets.take("carol", 2)).contains(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(buckets.take("carol", 3)).isEmpty();
    }
}
