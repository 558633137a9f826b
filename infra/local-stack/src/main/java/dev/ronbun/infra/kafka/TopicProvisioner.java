package dev.ronbun.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Ronbun's topics on a broker. Idempotent: a topic that already exists is left as it is, so the
 * local stack can run it on every start.
 */
public final class TopicProvisioner {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final short replicationFactor;

    /**
     * @param bootstrapServers  the broker to create the topics on
     * @param replicationFactor replicas per partition; 1 for a single local broker
     */
    public TopicProvisioner(String bootstrapServers, int replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = (short) replicationFactor;
    }

    /** A provisioner for a single broker, where every partition has one replica. */
    public static TopicProvisioner forSingleBroker(String bootstrapServers) {
        return new TopicProvisioner(bootstrapServers, 1);
    }

    /** Creates every topic of {@link TopicSettings#all()}; returns the names of those it had to create. */
    public List<String> provisionAll() {
        return provision(TopicSettings.all());
    }

    /** Creates the given topics that do not exist yet; returns the names of those it created. */
    public List<String> provision(List<TopicSettings> topics) {
        try (Admin admin = KafkaClassLoading.withKafkaClassLoader(() -> Admin.create(adminProperties()))) {
            CreateTopicsResult result = admin.createTopics(topics.stream().map(this::newTopic).toList());
            List<String> created = new ArrayList<>();
            for (var entry : result.values().entrySet()) {
                if (awaitCreation(entry.getKey(), entry.getValue())) {
                    created.add(entry.getKey());
                }
            }
            return created;
        }
    }

    private NewTopic newTopic(TopicSettings topic) {
        return new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy(),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxMessageBytes())));
    }

    private static boolean awaitCreation(String topic, KafkaFuture<Void> creation) {
        try {
            creation.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT + " creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "ronbun-topic-provisioner");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return properties;
    }
}
