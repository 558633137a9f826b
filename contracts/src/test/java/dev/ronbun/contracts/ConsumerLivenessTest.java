package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * The shared liveness check of the consumers: UP while every attempt in flight is younger than its stall limit, DOWN
 * once one has run past it (a connection that hangs), and UP again when that attempt returns.
 */
class ConsumerLivenessTest {

    private static final Duration STALL_LIMIT = Duration.ofMillis(200);

    @Test
    void anAttemptRunningPastTheStallLimitTurnsLivenessDownUntilItReturns() throws InterruptedException {
        RetryingConsumer papers = consumer("papers", settings(STALL_LIMIT));
        RetryingConsumer readings = consumer("reading-events", settings(STALL_LIMIT));
        ConsumerLiveness liveness = new ConsumerLiveness(List.of(papers, readings));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);

        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Thread hung = Thread.ofPlatform().start(() -> papers.redelivery().run("writing paper p-1", () -> {
            started.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(liveness.call().getStatus()).as("young attempt").isEqualTo(HealthCheckResponse.Status.UP);
        Thread.sleep(STALL_LIMIT.multipliedBy(2));

        HealthCheckResponse stalled = liveness.call();
        release.countDown();
        hung.join();

        assertThat(stalled.getName()).isEqualTo("Ronbun consumers");
        assertThat(stalled.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(stalled.getData().orElseThrow()).containsKeys("papers attempt running for",
                "reading-events attempt running for").containsEntry("papers stall limit", "PT0.2S");
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void aPolicyWithoutSettingsHasNoStallLimitAndNeverStalls() {
        RetryingConsumer client = consumer("client", null);

        assertThat(client.redelivery().stallLimit()).isEmpty();
        assertThat(new ConsumerLiveness(List.of(client)).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private static RetryingConsumer consumer(String name, RedeliverySettings settings) {
        RedeliveryPolicy policy = settings == null ? new RedeliveryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2))
                : new RedeliveryPolicy(settings);
        return new RetryingConsumer() {
            @Override
            public String consumerName() {
                return name;
            }

            @Override
            public RedeliveryPolicy redelivery() {
                return policy;
            }
        };
    }

    private static RedeliverySettings settings(Duration stallLimit) {
        return new RedeliverySettings() {
            @Override
            public int attempts() {
                return 5;
            }

            @Override
            public Duration firstDelay() {
                return Duration.ofMillis(10);
            }

            @Override
            public Duration maxDelay() {
                return Duration.ofMillis(20);
            }

            @Override
            public Duration stallLimit() {
                return stallLimit;
            }
        };
    }
}
