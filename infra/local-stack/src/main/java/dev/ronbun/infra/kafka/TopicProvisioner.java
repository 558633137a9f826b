package dev.ronbun.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
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
    private final int minInSyncReplicas;

    /**
     * @param bootstrapServers  the broker to create the topics on
     * @param replicationFactor replicas per partition; 1 for a single local broker
     * @param minInSyncReplicas the topics' {@code min.insync.replicas}: replicas that must have a write before it is
     *                          acknowledged to a producer asking for all ({@code acks=all}, Kafka's default)
     */
    public TopicProvisioner(String bootstrapServers, int replicationFactor, int minInSyncReplicas) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = (short) replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
    }

    /** A provisioner for a single broker, where every partition has one replica. */
    public static TopicProvisioner forSingleBroker(String bootstrapServers) {
        return forCluster(bootstrapServers, 1);
    }

    /**
     * A provisioner for a cluster of {@code brokers}: replication factor min(3, brokers) and
     * {@code min.insync.replicas} min(2, brokers), so that with three brokers one may fail without losing a write.
     */
    public static TopicProvisioner forCluster(String bootstrapServers, int brokers) {
        return new TopicProvisioner(bootstrapServers, BrokerSettings.replicationFactor(brokers),
                BrokerSettings.minInSyncReplicas(brokers));
    }

    /** Creates every topic of {@link TopicSettings#all()}; returns the names of those it had to create. */
    public List<String> provisionAll() {
        return provision(TopicSettings.all());
    }

    /**
     * Creates the given topics that do not exist yet, and gives those that did their {@code max.message.bytes}
     * (a topic created before that setting existed would refuse the larger records); returns the names of those it
     * created.
     */
    public List<String> provision(List<TopicSettings> topics) {
        try (Admin admin = KafkaClassLoading.withKafkaClassLoader(() -> Admin.create(adminProperties()))) {
            CreateTopicsResult result = admin.createTopics(topics.stream().map(this::newTopic).toList());
            List<String> created = new ArrayList<>();
            for (var entry : result.values().entrySet()) {
                if (awaitCreation(entry.getKey(), entry.getValue())) {
                    created.add(entry.getKey());
                }
            }
            alignMessageSize(admin, topics.stream().filter(t -> !created.contains(t.name())).toList());
            return created;
        }
    }

    private static void alignMessageSize(Admin admin, List<TopicSettings> existing) {
        if (existing.isEmpty()) {
            return;
        }
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (TopicSettings topic : existing) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxMessageBytes())),
                    AlterConfigOp.OpType.SET)));
        }
        try {
            admin.incrementalAlterConfigs(changes).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not set max.message.bytes of existing topics: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT + " setting max.message.bytes of topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting max.message.bytes of topics", e);
        }
    }

    private NewTopic newTopic(TopicSettings topic) {
        return new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy(),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxMessageBytes()),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSyncReplicas)));
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
