package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.SummaryEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ronbun.summaries.v1}. A record that is not a valid summary event, that the database refuses as it is,
 * or whose failure of unknown kind outlasts its attempts, goes to {@code ronbun.summaries.v1.dlq} with the reason in
 * the {@code dead-letter-reason} header (the channel's failure strategy), and the consumer moves on; a failure caused
 * by an outage is retried until the outage ends (see {@link SummaryProcessing}).
 */
@ApplicationScoped
public class SummaryConsumer {

    private final SummaryProcessing processing;

    public SummaryConsumer(SummaryProcessing processing) {
        this.processing = processing;
    }

    @Incoming("summaries")
    @Blocking
    public void consume(String value) {
        SummaryEvent event = EventJson.readSummary(value);
        processing.process(event);
    }
}
