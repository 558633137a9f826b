package dev.ronbun.infra.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broker settings that Ronbun's clusters need on top of Kafka's defaults, shared by the in-JVM test broker and the
 * local stack's broker processes so that tests and the local run behave alike.
 */
public final class BrokerSettings {

    /** Kafka's own internal topics, and Ronbun's, never get more replicas than this. */
    static final int MAX_REPLICATION_FACTOR = 3;
    /** An acknowledged write survives the loss of one broker once two replicas have it. */
    static final int MAX_MIN_IN_SYNC_REPLICAS = 2;

    private BrokerSettings() {
    }

    /** Replicas per partition on a cluster of {@code brokers}: min(3, brokers). */
    public static int replicationFactor(int brokers) {
        return Math.min(MAX_REPLICATION_FACTOR, requirePositive(brokers));
    }

    /** {@code min.insync.replicas} on a cluster of {@code brokers}: min(2, brokers). */
    public static int minInSyncReplicas(int brokers) {
        return Math.min(MAX_MIN_IN_SYNC_REPLICAS, requirePositive(brokers));
    }

    /** Settings of a one-node cluster, keyed by their Kafka broker configuration name. */
    public static Map<String, String> settings() {
        return forCluster(1);
    }

    /** Settings of every node of a cluster of {@code brokers}, keyed by their Kafka broker configuration name. */
    public static Map<String, String> forCluster(int brokers) {
        String replicas = Integer.toString(replicationFactor(brokers));
        String minInSync = Integer.toString(minInSyncReplicas(brokers));
        Map<String, String> settings = new LinkedHashMap<>();
        // Kafka's internal topics default to three replicas, which fewer brokers cannot host.
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", minInSync);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", minInSync);
        settings.put("default.replication.factor", replicas);
        settings.put("min.insync.replicas", minInSync);
        // Consumers join at once instead of after the three-second wait meant for rolling restarts.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Topics come only from TopicProvisioner, so a misspelt topic fails loudly instead of appearing.
        settings.put("auto.create.topics.enable", "false");
        // Room for the largest record of any topic (each topic narrows it with max.message.bytes), also for
        // topics created before their own setting existed.
        settings.put("message.max.bytes", Integer.toString(TopicSettings.largestMaxMessageBytes()));
        settings.put("replica.fetch.max.bytes", Integer.toString(TopicSettings.largestMaxMessageBytes()));
        return Map.copyOf(settings);
    }

    private static int requirePositive(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("A Kafka cluster needs at least one broker, not " + brokers);
        }
        return brokers;
    }
}
