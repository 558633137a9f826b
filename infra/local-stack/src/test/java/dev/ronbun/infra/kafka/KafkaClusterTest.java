package dev.ronbun.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.contracts.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster {@code ./ronbun up --brokers 3} starts: three broker processes forming one KRaft quorum, Ronbun's topics
 * on it with three replicas and {@code min.insync.replicas} 2, so that writes asking for every in-sync replica
 * ({@code acks=all}) are still acknowledged, and read back whole, while one broker is down.
 */
class KafkaClusterTest {

    private static final int BROKERS = 3;
    private static final int RECORDS = 200;

    @TempDir
    Path state;

    @Test
    void threeBrokersReplicateEveryTopicThriceAndKeepEveryWriteWhileOneIsDown() throws Exception {
        try (KafkaCluster cluster = KafkaCluster.start(layouts(BROKERS))) {
            cluster.awaitReady(Duration.ofSeconds(180));
            assertThat(cluster.bootstrapServers().split(",")).hasSize(BROKERS);

            assertThat(TopicProvisioner.forCluster(cluster.bootstrapServers(), BROKERS).provisionAll())
                    .hasSize(TopicSettings.all().size());

            String topic = Topics.READING_EVENTS.name();
            int stopped;
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()))) {
                List<String> names = TopicSettings.all().stream().map(TopicSettings::name).toList();
                Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
                assertThat(topics.values()).flatMap(TopicDescription::partitions)
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                List<ConfigResource> resources = names.stream()
                        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
                Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
                assertThat(configs.values()).allSatisfy(config ->
                        assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2"));

                // The leader of the topic's first partition leaves: its partitions move to the two left.
                stopped = topics.get(topic).partitions().getFirst().leader().id();
                cluster.nodes().get(stopped - 1).process().stop(Duration.ofSeconds(60));
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(BROKERS - 1);
            }

            Set<String> sent = produce(cluster.bootstrapServers(), topic);
            assertThat(consumeAll(cluster.bootstrapServers(), topic)).containsExactlyInAnyOrderElementsOf(sent);

            // Started again with its data, the broker rejoins: all three are registered once more.
            cluster.restart(stopped);
            cluster.awaitReady(Duration.ofSeconds(120));
        }
    }

    @Test
    void refusesDataDirectoriesOfAClusterOfAnotherSize() throws Exception {
        List<KafkaBrokerProcess.Layout> layouts = layouts(BROKERS);
        Files.createDirectories(layouts.getFirst().dataDir());
        Files.writeString(layouts.getFirst().dataDir().resolve("meta.properties"), "cluster.id=abc\nnode.id=1\n");

        assertThatThrownBy(() -> KafkaCluster.start(layouts)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Only 1 of the 3 Kafka data directories hold data")
                .hasMessageContaining("RONBUN_STATE_DIR");
        assertThat(layouts.getFirst().pidFile()).doesNotExist();
    }

    private List<KafkaBrokerProcess.Layout> layouts(int brokers) throws IOException {
        List<KafkaBrokerProcess.Layout> layouts = new ArrayList<>();
        for (int node = 1; node <= brokers; node++) {
            String name = node == 1 ? "kafka" : "kafka-" + node;
            layouts.add(new KafkaBrokerProcess.Layout(freePort(), freePort(), state.resolve("data/" + name),
                    state.resolve("run/" + name), state.resolve("logs/" + name + ".log"),
                    state.resolve("run/" + name + ".pid"), List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC")));
        }
        return layouts;
    }

    private static Set<String> produce(String bootstrapServers, String topic) throws Exception {
        Set<String> sent = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String value = "reading-event-" + i;
                producer.send(new ProducerRecord<>(topic, "reader-" + (i % 17), value)).get(60, TimeUnit.SECONDS);
                sent.add(value);
            }
        }
        return sent;
    }

    private static List<String> consumeAll(String bootstrapServers, String topic) {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            // Assigned, not subscribed: a group would need __consumer_offsets, which a cluster that lost a broker
            // before any group existed cannot create with three replicas.
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (received.size() < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
