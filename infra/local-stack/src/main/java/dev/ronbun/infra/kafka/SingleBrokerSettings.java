package dev.ronbun.infra.kafka;

import java.util.Map;

/**
 * Broker settings that a one-node cluster needs on top of Kafka's defaults, shared by the in-JVM test broker
 * and the local stack's broker process so that tests and the local run behave alike.
 */
public final class SingleBrokerSettings {

    private SingleBrokerSettings() {
    }

    /** Settings keyed by their Kafka broker configuration name. */
    public static Map<String, String> settings() {
        return Map.of(
                // Kafka's internal topics default to three replicas, which one broker cannot host.
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "share.coordinator.state.topic.replication.factor", "1",
                "share.coordinator.state.topic.min.isr", "1",
                // Consumers join at once instead of after the three-second wait meant for rolling restarts.
                "group.initial.rebalance.delay.ms", "0",
                // Topics come only from TopicProvisioner, so a misspelt topic fails loudly instead of appearing.
                "auto.create.topics.enable", "false",
                // Room for the largest record of any topic (each topic narrows it with max.message.bytes), also for
                // topics created before their own setting existed.
                "message.max.bytes", Integer.toString(TopicSettings.largestMaxMessageBytes()),
                "replica.fetch.max.bytes", Integer.toString(TopicSettings.largestMaxMessageBytes()));
    }
}
