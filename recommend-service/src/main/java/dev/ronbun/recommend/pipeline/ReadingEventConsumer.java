package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.recommend.readers.ReadingHistory;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds {@code ronbun.reading-events.v1} into readers' histories and profiles in PostgreSQL. Storing is idempotent
 * by event id, so redelivery is harmless; a record that is not a valid reading event goes to
 * {@code ronbun.reading-events.v1.dlq} with the reason.
 */
@ApplicationScoped
public class ReadingEventConsumer {

    private final ReadingHistory history;

    public ReadingEventConsumer(ReadingHistory history) {
        this.history = history;
    }

    @Incoming("reading-events")
    @Blocking
    public void consume(String value) {
        history.record(EventJson.readReading(value));
    }
}
