package dev.ronbun.recommend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.InvalidEventException;
import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.recommend.readers.ReadingHistory;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Found by the fault suite: with PostgreSQL down, valid reading events went straight to the dead-letter topic. */
class ReadingEventConsumerTest {

    private static final RedeliveryPolicy QUICK_RETRIES = new RedeliveryPolicy(5, Duration.ofMillis(1),
            Duration.ofMillis(5));

    @Test
    void storesAValidEventOnceTheDatabaseIsBackInsteadOfDeadLetteringIt() {
        HistoryWithOutage history = new HistoryWithOutage(2);
        ReadingEventConsumer consumer = new ReadingEventConsumer(history, QUICK_RETRIES);

        consumer.consume(EventJson.write(new ReadingEvent(ReadingEvent.SCHEMA_VERSION, "event-1", "reader-1",
                "paper-1", ReadingType.READ, 30, Instant.parse("2026-02-01T00:00:00Z"))));

        assertThat(history.attempts).isEqualTo(3);
        assertThat(history.stored).extracting(ReadingEvent::eventId).containsExactly("event-1");
    }

    @Test
    void rejectsAMalformedEventAtOnceWithoutTouchingTheDatabase() {
        HistoryWithOutage history = new HistoryWithOutage(0);
        ReadingEventConsumer consumer = new ReadingEventConsumer(history, QUICK_RETRIES);

        assertThatThrownBy(() -> consumer.consume("{\"schemaVersion\":1,\"eventId\":\"e\"}"))
                .isInstanceOf(InvalidEventException.class);
        assertThat(history.attempts).isZero();
    }

    /** A history whose database refuses the first {@code failures} writes, as while PostgreSQL restarts. */
    private static final class HistoryWithOutage extends ReadingHistory {

        private final int failures;
        private final List<ReadingEvent> stored = new ArrayList<>();
        private int attempts;

        HistoryWithOutage(int failures) {
            super(null, Clock.systemUTC(), null);
            this.failures = failures;
        }

        @Override
        public boolean record(ReadingEvent event) {
            attempts++;
            if (attempts <= failures) {
                throw new PersistenceException("Unable to acquire JDBC Connection");
            }
            stored.add(event);
            return true;
        }
    }
}
