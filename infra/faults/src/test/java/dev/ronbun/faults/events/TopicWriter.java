package dev.ronbun.faults.events;

import dev.ronbun.infra.kafka.KafkaClassLoading;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records straight onto a topic, bypassing the services: how the suite delivers malformed events and
 * reading events. Idempotent and acknowledged by all replicas; it keeps retrying through a broker outage of up to
 * ten minutes (the longest the suite injects is configurable, two minutes by default).
 */
public final class TopicWriter implements AutoCloseable {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

    private final KafkaProducer<String, byte[]> producer;

    public TopicWriter(String bootstrapServers) {
        this.producer = KafkaClassLoading.withKafkaClassLoader(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "fault-suite",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) DELIVERY_TIMEOUT.toMillis()),
                new StringSerializer(), new ByteArraySerializer()));
    }

    /** Sends one UTF-8 record and waits until the broker has it. */
    public void write(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a malformed record, to its partition when it names one, and waits until the broker has it. */
    public void write(BadInput bad) {
        send(new ProducerRecord<>(bad.topic(), bad.partition(), bad.key(), bad.value()));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(DELIVERY_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write " + record.key() + " to " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted writing " + record.key() + " to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
