package dev.ronbun.ingest.publishing;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.FailureClassifier;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.contracts.http.ProblemException;
import io.smallrye.context.api.CurrentThreadContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.transactions.KafkaTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes a document's papers to {@code ronbun.summaries.v1} in one Kafka transaction: consumers see all of a
 * document's papers or none. Returns only once the broker has committed the transaction.
 */
@ApplicationScoped
public class SummaryPublisher {

    private static final Logger LOG = Logger.getLogger(SummaryPublisher.class);
    private static final String CHANNEL = "summaries";
    /** How long one try at finishing an abort that timed out may wait for the broker. */
    private static final Duration ABORT_WAIT = Duration.ofSeconds(30);

    private final KafkaTransactions<String> transactions;
    private final KafkaClientService clients;
    /**
     * A channel has one transactional producer, which runs one transaction at a time; without this, a document
     * posted while another is being published failed with "a transaction is already in progress" (a 500).
     */
    private final ReentrantLock oneTransactionAtATime = new ReentrantLock(true);

    public SummaryPublisher(@Channel(CHANNEL) KafkaTransactions<String> transactions, KafkaClientService clients) {
        this.transactions = transactions;
        this.clients = clients;
    }

    /**
     * Called inside the ledger's database transaction, which must not follow the send onto the Kafka producer's
     * network thread: context propagation would make that thread a second user of the transaction, and its commit
     * then failed now and then with "Enlisted connection used without active transaction" (a 500; quarkusio/quarkus
     * #39098).
     */
    @CurrentThreadContext(cleared = ThreadContext.TRANSACTION)
    public void publish(List<SummaryEvent> summaries, List<DeadLetter> deadLetters) {
        if (summaries.isEmpty() && deadLetters.isEmpty()) {
            return;
        }
        inOneTransaction(() -> publishInOneTransaction(summaries, deadLetters));
    }

    /**
     * Publishes a document's retraction to {@code ronbun.document-retractions.v1}, keyed by document id, through the
     * same transactional producer (so the same outage handling applies). Called inside the ledger's transaction.
     */
    @CurrentThreadContext(cleared = ThreadContext.TRANSACTION)
    public void retract(DocumentRetraction retraction) {
        inOneTransaction(() -> transactions.withTransactionAndAwait(emitter -> {
            OutgoingKafkaRecordMetadata<String> toRetractions = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(Topics.DOCUMENT_RETRACTIONS.name())
                    .withKey(retraction.documentId())
                    .build();
            emitter.send(KafkaRecord.of(retraction.documentId(), EventJson.write(retraction))
                    .addMetadata(toRetractions));
            return Uni.createFrom().voidItem();
        }));
    }

    private void inOneTransaction(Runnable send) {
        oneTransactionAtATime.lock();
        try {
            send.run();
        } catch (RuntimeException e) {
            if (abortLeftPending(e)) {
                LOG.warnf("publishing failed, the broker did not answer in time: %s", FailureClassifier.reason(e));
                finishPendingAbort();
            }
            throw problemFor(e);
        } finally {
            oneTransactionAtATime.unlock();
        }
    }

    /**
     * A broker that cannot be reached in time is a 503 (the inbox tries the file again later). A record the producer
     * or broker refuses for its size will be refused however often it is sent: a 413 (and
     * failed/ for the inbox), not a 500 retried for ever. Ingest's own size check keeps this from happening unless a
     * broker's or topic's limit is set lower than Ronbun's (an external cluster).
     */
    private static RuntimeException problemFor(RuntimeException e) {
        if (abortLeftPending(e)) {
            return brokerUnavailable();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
                return new ProblemException(413, "paper-too-large", "Paper too large",
                        "A paper of the document is larger than Kafka accepts (" + cause.getMessage()
                                + "); send the document in smaller parts.");
            }
            if (cause instanceof TimeoutException) {
                // the broker could not be reached in time: nothing was published, the same request can succeed later
                return brokerUnavailable();
            }
        }
        return e;
    }

    private static ProblemException brokerUnavailable() {
        return new ProblemException(503, "broker-unavailable", "Service unavailable",
                "The document could not be published now (the message broker did not answer in time);"
                        + " nothing was published, send it again later.");
    }

    /**
     * A transaction aborted while the broker was away longer than the producer's {@code max.block.ms} leaves the
     * abort pending: Kafka's producer then refuses every new transaction ("the previous call to abortTransaction
     * timed out and must be retried") until the abort is called again, so without this ingest answered 500 for
     * ever after a two-minute broker outage. A timeout on the way there (records expired in the batch) leaves the
     * same state behind.
     */
    private static boolean abortLeftPending(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().contains("must be retried")) {
                return true;
            }
        }
        return false;
    }

    /** Calls the abort again; if the broker is still away, the next request tries again. */
    private void finishPendingAbort() {
        try {
            clients.getProducer(CHANNEL).abortTransaction().await().atMost(ABORT_WAIT);
            LOG.info("finished a Kafka transaction abort that had timed out; publishing can go on");
        } catch (RuntimeException stillPending) {
            // no transaction left to abort (the state the producer wants), or the broker is not back yet
            LOG.warnf("finishing the pending abort: %s", FailureClassifier.reason(stillPending));
        }
    }

    private void publishInOneTransaction(List<SummaryEvent> summaries, List<DeadLetter> deadLetters) {
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
