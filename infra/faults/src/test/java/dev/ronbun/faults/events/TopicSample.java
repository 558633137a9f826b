package dev.ronbun.faults.events;

import dev.ronbun.infra.kafka.KafkaClassLoading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads one record a service published, as a template for a poison record that is valid in every other way. */
public final class TopicSample {

    private TopicSample() {
    }

    /** The value of the first record on {@code topic}, waiting up to {@code timeout} for one to appear. */
    public static String first(String bootstrapServers, String topic, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = KafkaClassLoading.withKafkaClassLoader(() -> new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        return record.value();
                    }
                }
            }
        }
        throw new IllegalStateException("nothing on " + topic + " after " + timeout.toSeconds() + " s");
    }
}
