package dev.ronbun.recommend.analytics;

import java.util.List;

/** The consumer lag of every watched group; {@code available} is false (with the reason) when Kafka did not answer. */
public record PipelineLagReport(List<ConsumerLag> items, boolean available, String problem) {
}
