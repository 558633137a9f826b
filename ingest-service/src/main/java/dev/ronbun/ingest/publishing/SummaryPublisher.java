package dev.ronbun.ingest.publishing;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.FailureClassifier;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.contracts.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Publishes a document's papers to {@code ronbun.summaries.v1} in one Kafka transaction: consumers see all of a
 * document's papers or none. Returns only once the broker has committed the transaction.
 */
@ApplicationScoped
public class SummaryPublisher {

    private static final Logger LOG = Logger.getLogger(SummaryPublisher.class);

    private final TransactionalProducer producer;

    public SummaryPublisher(TransactionalProducer producer) {
        this.producer = producer;
    }

    /** Publishes the papers and the dead letters of one document in one transaction. */
    public void publish(List<SummaryEvent> summaries, List<DeadLetter> deadLetters) {
        if (summaries.isEmpty() && deadLetters.isEmpty()) {
            return;
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (SummaryEvent summary : summaries) {
            records.add(new ProducerRecord<>(Topics.SUMMARIES.name(), summary.paperKey(), EventJson.write(summary)));
        }
        for (DeadLetter deadLetter : deadLetters) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(Topics.DEAD_LETTER_REASON_HEADER, deadLetter.reason().getBytes(StandardCharsets.UTF_8));
            records.add(new ProducerRecord<>(Topics.SUMMARIES.deadLetter(), null, deadLetter.key(),
                    deadLetter.payload(), headers));
        }
        send(records);
    }

    /**
     * Publishes a document's retraction to {@code ronbun.document-retractions.v1}, keyed by document id, through the
     * same transactional producer (so the same outage handling applies).
     */
    public void retract(DocumentRetraction retraction) {
        send(List.of(new ProducerRecord<>(Topics.DOCUMENT_RETRACTIONS.name(), retraction.documentId(),
                EventJson.write(retraction))));
    }

    private void send(List<ProducerRecord<String, String>> records) {
        try {
            producer.sendInOneTransaction(records);
        } catch (KafkaException | IllegalStateException e) {
            throw problemFor(e);
        }
    }

    /**
     * A record the producer or broker refuses for its size will be refused however often it is sent: a 413 (and
     * failed/ for the inbox), not a 500 retried for ever. Ingest's own size check keeps this from happening unless a
     * broker's or topic's limit is set lower than Ronbun's (an external cluster). Anything else the broker or the
     * producer failed on (the broker away, a time-out, a producer fenced) passes: nothing was published, the producer
     * is replaced, and the same request can succeed later, so a 503 (the inbox tries the file again later).
     */
    private static ProblemException problemFor(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
                return new ProblemException(413, "paper-too-large", "Paper too large",
                        "A paper of the document is larger than Kafka accepts (" + cause.getMessage()
                                + "); send the document in smaller parts.");
            }
        }
        LOG.warnf("publishing failed, nothing was published: %s", FailureClassifier.reason(e));
        return new ProblemException(503, "broker-unavailable", "Service unavailable",
                "The document could not be published now (the message broker did not answer in time);"
                        + " nothing was published, send it again later.");
    }
}
