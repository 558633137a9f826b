package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ronbun.document-retractions.v1}. A record that is not a valid retraction goes to
 * {@code ronbun.document-retractions.v1.dlq} with the reason in the {@code dead-letter-reason} header; an outage is
 * waited out (see {@link SummaryProcessing}).
 */
@ApplicationScoped
public class RetractionConsumer {

    private final SummaryProcessing processing;

    public RetractionConsumer(SummaryProcessing processing) {
        this.processing = processing;
    }

    @Incoming("document-retractions")
    @Blocking
    public void consume(String value) {
        processing.retract(EventJson.readRetraction(value));
    }
}
