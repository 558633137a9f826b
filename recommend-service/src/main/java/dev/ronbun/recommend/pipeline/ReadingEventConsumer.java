package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.contracts.RetryingConsumer;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.readers.ReadingHistory;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Folds {@code ronbun.reading-events.v1} into readers' histories and profiles in PostgreSQL. Storing is idempotent
 * by event id, so redelivery is harmless. What fails is classified ({@link RedeliveryPolicy}): a record that is not
 * a valid reading event, or that PostgreSQL refuses as it is (a value out of range, a constraint), goes to
 * {@code ronbun.reading-events.v1.dlq} at once with the reason and the consumer moves on; a valid event that cannot
 * be stored right now (the database is down or restarting) is retried with back-off until it is stored, however long
 * the outage lasts, while the connector pauses the partitions.
 */
@ApplicationScoped
public class ReadingEventConsumer implements RetryingConsumer {

    private final ReadingHistory history;
    private final RedeliveryPolicy retries;

    @Inject
    public ReadingEventConsumer(ReadingHistory history, RecommendConfig config) {
        this(history, new RedeliveryPolicy(config.retry()));
    }

    ReadingEventConsumer(ReadingHistory history, RedeliveryPolicy retries) {
        this.history = history;
        this.retries = retries;
    }

    @Override
    public String consumerName() {
        return "reading-events";
    }

    /** Watched by {@link dev.ronbun.contracts.ConsumerLiveness}. */
    @Override
    public RedeliveryPolicy redelivery() {
        return retries;
    }

    @Incoming("reading-events")
    @Blocking
    public void consume(String value) {
        ReadingEvent event = EventJson.readReading(value);
        retries.run("storing reading event " + event.eventId(), () -> history.record(event));
    }
}
