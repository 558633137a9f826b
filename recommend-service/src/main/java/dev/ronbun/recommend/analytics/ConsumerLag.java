package dev.ronbun.recommend.analytics;

/**
 * Events waiting for one consumer group on one topic: the last committed-and-stable offset minus the group's
 * committed offset, summed over the topic's partitions.
 *
 * @param state the group's state as Kafka reports it (stable, empty, …), or absent when the group never ran
 * @param topic null when the group has not read any of Ronbun's topics yet
 * @param lag   null when the topic is null
 */
public record ConsumerLag(String group, String state, String topic, Long lag) {
}
