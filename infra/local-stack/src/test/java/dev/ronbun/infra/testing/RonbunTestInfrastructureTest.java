package dev.ronbun.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.kafka.TopicSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RonbunTestInfrastructureTest {

    @Test
    void givesQuarkusTheBrokerAndTheRequestedDatabase() throws Exception {
        Map<String, String> config = started(Map.of(RonbunTestInfrastructure.DATABASE_ARG, "ronbun_embed"));

        assertThat(config).containsEntry("kafka.bootstrap.servers", RonbunTestInfrastructure.bootstrapServers());
        assertThat(config.get("kafka.bootstrap.servers")).startsWith("127.0.0.1:");
        assertThat(config.get("quarkus.datasource.jdbc.url")).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/ronbun_embed");
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_database()")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("ronbun_embed");
        }
    }

    @Test
    void startsNoDatabaseWhenNoneIsAskedFor() {
        Map<String, String> config = started(Map.of());

        assertThat(config).containsOnlyKeys("kafka.bootstrap.servers", "mp.jwt.verify.publickey.location",
                "mp.jwt.verify.issuer");
    }

    @Test
    void pointsTheServiceAtThePublicKeyOfTheTestTokens() {
        Map<String, String> config = started(Map.of());

        assertThat(config).containsEntry("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString())
                .containsEntry("mp.jwt.verify.issuer", "ronbun-local");
        assertThat(TestTokens.publicKeyFile()).exists();
    }

    @Test
    void sharesOneBrokerAcrossTestClassesAndKeepsItRunningAfterStop() {
        RonbunTestInfrastructure first = new RonbunTestInfrastructure();
        first.init(Map.of());
        String firstBroker = first.start().get("kafka.bootstrap.servers");
        first.stop();

        assertThat(started(Map.of()).get("kafka.bootstrap.servers")).isEqualTo(firstBroker);
        assertThat(RonbunTestInfrastructure.bootstrapServers()).isEqualTo(firstBroker);
    }

    @Test
    void createsEveryTopicWithItsPartitionsCleanupPolicyAndMessageSize() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RonbunTestInfrastructure.bootstrapServers()))) {
            List<String> names = TopicSettings.all().stream().map(TopicSettings::name).toList();
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();

            assertThat(names).containsExactlyInAnyOrderElementsOf(Topics.allNames());
            for (TopicSettings topic : TopicSettings.all()) {
                assertThat(descriptions.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic.name())
                        .isEqualTo(topic.cleanupPolicy());
                assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).as(topic.name())
                        .isEqualTo(Integer.toString(topic.maxMessageBytes()));
            }
        }
    }

    @Test
    void deliversAProducedRecordToAConsumer() throws Exception {
        String bootstrap = RonbunTestInfrastructure.bootstrapServers();
        String topic = Topics.READING_EVENTS.name();
        String key = "reader-" + UUID.randomUUID();

        try (var producer = new KafkaProducer<String, String>(producerProperties(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, key, "{\"kind\":\"opened\"}")).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(consumerProperties(bootstrap))) {
            consumer.subscribe(List.of(topic));
            Set<String> keys = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!keys.contains(key) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received -> keys.add(received.key()));
            }
            assertThat(keys).contains(key);
        }
    }

    private static Map<String, String> started(Map<String, String> initArgs) {
        RonbunTestInfrastructure infrastructure = new RonbunTestInfrastructure();
        infrastructure.init(initArgs);
        return infrastructure.start();
    }

    private static Properties producerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static Properties consumerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "ronbun-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
