package dev.ronbun.ingest.publishing;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.SummaryEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes a document's papers to {@code ronbun.summaries.v1} in one Kafka transaction: consumers see all of a
 * document's papers or none. Returns only once the broker has committed the transaction.
 */
@ApplicationScoped
public class SummaryPublisher {

    private final KafkaTransactions<String> transactions;

    public SummaryPublisher(@Channel("summaries") KafkaTransactions<String> transactions) {
        this.transactions = transactions;
    }

    public void publish(List<SummaryEvent> summaries, List<DeadLetter> deadLetters) {
        if (summaries.isEmpty() && deadLetters.isEmpty()) {
            return;
        }
        transactions.withTransactionAndAwait(emitter -> {
            for (SummaryEvent summary : summaries) {
                emitter.send(KafkaRecord.of(summary.paperKey(), EventJson.write(summary)));
            }
            for (DeadLetter deadLetter : deadLetters) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(Topics.DEAD_LETTER_REASON_HEADER, deadLetter.reason().getBytes(StandardCharsets.UTF_8));
                OutgoingKafkaRecordMetadata<String> toDeadLetterTopic = OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(Topics.SUMMARIES.deadLetter())
                        .withKey(deadLetter.key())
                        .withHeaders(headers)
                        .build();
                emitter.send(KafkaRecord.of(deadLetter.key(), deadLetter.payload()).addMetadata(toDeadLetterTopic));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
