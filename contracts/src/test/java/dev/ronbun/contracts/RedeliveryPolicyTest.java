package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RedeliveryPolicyTest {

    private static final RedeliveryPolicy CONSUMER = RedeliveryPolicy.untilRecovered(3, Duration.ofMillis(1),
            Duration.ofMillis(2));

    @Test
    void aPermanentFailureIsThrownAtOnceAsAnInvalidEventNamingTheReason() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> CONSUMER.run("storing reading event x\u0000y", () -> {
            calls.incrementAndGet();
            throw new RuntimeException("could not execute statement",
                    new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        }))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("storing reading event x\\u0000y cannot succeed: ERROR: invalid byte sequence for "
                        + "encoding \"UTF8\": 0x00 (SQLState 22021)");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aTransientFailureIsRetriedFarBeyondTheAttemptsForUnknownOnesUntilItPasses() {
        AtomicInteger calls = new AtomicInteger();

        String stored = CONSUMER.run("storing", () -> {
            if (calls.incrementAndGet() <= 40) {
                throw new UncheckedIOException(new ConnectException("Connection refused"));
            }
            return "stored";
        });

        assertThat(stored).isEqualTo("stored");
        assertThat(calls).hasValue(41);
    }

    @Test
    void anUnknownFailureIsTriedTheConfiguredNumberOfTimesThenGivenUpWithTheReason() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> CONSUMER.run("storing", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("odd");
        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("storing failed 3 times (unknown failure): IllegalStateException: odd");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aClientPolicyGivesUpOnTransientFailuresToo() {
        RedeliveryPolicy client = new RedeliveryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(2));
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> client.run("posting", () -> {
            calls.incrementAndGet();
            throw new UncheckedIOException(new ConnectException("Connection refused"));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("transient failure");
        assertThat(calls).hasValue(4);
    }

    @Test
    void anAttemptThatHangsShowsAsTheLongestAttemptInFlightUntilItReturns() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread consumer = Thread.ofVirtual().start(() -> CONSUMER.run("storing", () -> {
            try {
                return release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        Thread.sleep(300);

        assertThat(CONSUMER.longestAttemptInFlight()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        release.countDown();
        consumer.join();
        assertThat(CONSUMER.longestAttemptInFlight()).isZero();
    }
}
