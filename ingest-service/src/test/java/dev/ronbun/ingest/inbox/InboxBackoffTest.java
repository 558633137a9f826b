package dev.ronbun.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InboxBackoffTest {

    @Test
    void theWaitBeforeTryingAFileAgainDoublesWithEachFailureUpToTheCeiling() {
        Duration max = Duration.ofMinutes(5);
        InboxWatcher.Backoff backoff = InboxWatcher.Backoff.first(Duration.ofSeconds(1));
        Duration[] waits = new Duration[11];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = backoff.delay();
            backoff = backoff.next(max);
        }

        assertThat(waits).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(8));
        assertThat(waits[8]).isEqualTo(Duration.ofSeconds(256));
        assertThat(waits[9]).isEqualTo(max);
        assertThat(waits[10]).isEqualTo(max);
        assertThat(backoff.nextTry()).isAfter(Instant.now().plus(max).minusSeconds(5));
    }
}
