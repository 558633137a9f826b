package dev.ronbun.ingest.publishing;

import dev.ronbun.ingest.config.IngestConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * ingest's one transactional Kafka producer: created on first use, so the service starts while the broker is away, and
 * replaced after any transaction that failed. Kafka's producer is not to be trusted after a failed transaction step
 * (a timed-out abort must be called again, a fenced producer never works again), and closing it and starting a new
 * one under the same transactional id is Kafka's own way back: the new producer's {@code initTransactions} aborts
 * whatever the old one left open. SmallRye's lazy channel producer did neither: it left running every producer whose
 * {@code initTransactions} timed out while the broker was away, and when the broker came back their late
 * InitProducerId requests fenced the producer in use for good, so ingest published nothing more until restarted.
 */
@ApplicationScoped
public class TransactionalProducer {

    private static final Logger LOG = Logger.getLogger(TransactionalProducer.class);

    private final Map<String, Object> settings;
    /** One transaction at a time: a Kafka producer runs one, and a second document would fail on the first's. */
    private final ReentrantLock oneTransactionAtATime = new ReentrantLock(true);
    private KafkaProducer<String, String> producer;

    public TransactionalProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka, IngestConfig config) {
        IngestConfig.Publishing publishing = config.publishing();
        Map<String, Object> merged = new HashMap<>(kafka);
        publishing.bootstrapServers().ifPresent(servers -> merged.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        merged.put(ProducerConfig.ACKS_CONFIG, "all");
        merged.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One id per process: a restarted or second instance never fences a live one, and a zombie of this process's
        // own earlier producers is fenced by the next one it starts.
        merged.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ronbun-ingest-" + UUID.randomUUID());
        merged.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        merged.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) publishing.maxBlock().toMillis());
        merged.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) publishing.requestTimeout().toMillis());
        merged.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publishing.deliveryTimeout().toMillis());
        merged.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, publishing.maxRequestBytes());
        merged.put(ProducerConfig.CLIENT_ID_CONFIG, "ronbun-ingest-summaries");
        this.settings = Map.copyOf(merged);
    }

    /**
     * Sends the records in one transaction and returns once the broker has committed it; consumers reading committed
     * records see all of them or none. On any failure nothing is committed, the producer is closed, and the exception
     * (a record's own, such as a size refused, when one failed) is thrown: the next call starts a new producer.
     */
    public void sendInOneTransaction(List<ProducerRecord<String, String>> records) {
        oneTransactionAtATime.lock();
        try {
            KafkaProducer<String, String> current = current();
            try {
                current.beginTransaction();
                List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
                for (ProducerRecord<String, String> record : records) {
                    sent.add(current.send(record));
                }
                current.flush();
                for (Future<RecordMetadata> each : sent) {
                    each.get();
                }
                current.commitTransaction();
            } catch (ExecutionException e) {
                discard(current);
                throw e.getCause() instanceof RuntimeException cause ? cause : new KafkaException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                discard(current);
                throw new KafkaException("interrupted while publishing", e);
            } catch (RuntimeException e) {
                discard(current);
                throw e;
            }
        } finally {
            oneTransactionAtATime.unlock();
        }
    }

    /** The producer in use, or a new one with its transactions initialised: closed again at once if that fails. */
    private KafkaProducer<String, String> current() {
        if (producer == null) {
            KafkaProducer<String, String> created =
                    new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /** Closes a producer after a failure, without waiting: whatever it left open, its successor's start aborts. */
    private void discard(KafkaProducer<String, String> failed) {
        producer = null;
        try {
            failed.close(Duration.ZERO);
        } catch (RuntimeException e) {
            LOG.debugf(e, "closing a failed producer");
        }
    }

    @PreDestroy
    void close() {
        oneTransactionAtATime.lock();
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
                producer = null;
            }
        } finally {
            oneTransactionAtATime.unlock();
        }
    }
}
