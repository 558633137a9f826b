package dev.ronbun.recommend.pipeline;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes records straight into a topic, past every API check, and finds what a consumer dead-lettered. */
final class PoisonRecords {

    /** Bytes that are no JSON and not even UTF-8: a lone continuation byte, 0xFF, a NUL, half an object. */
    static final byte[] NOT_JSON = {(byte) 0x80, (byte) 0xFF, 0x00, '{', '"', 'a'};

    private PoisonRecords() {
    }

    static void sendBytes(String topic, String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = withKafkaClassLoader(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RonbunTestInfrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer()))) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** The dead letter with this key, once it arrived, or empty after the timeout. */
    static Optional<ConsumerRecord<String, String>> awaitDeadLetter(String deadLetterTopic, String key,
                                                                     Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<ConsumerRecord<String, String>> found = TestTopics.read(deadLetterTopic, Integer.MAX_VALUE,
                    Duration.ofSeconds(2)).stream().filter(r -> key.equals(r.key())).findFirst();
            if (found.isPresent()) {
                return found;
            }
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }
}
