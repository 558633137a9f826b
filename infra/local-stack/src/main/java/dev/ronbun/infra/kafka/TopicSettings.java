package dev.ronbun.infra.kafka;

import dev.ronbun.contracts.Topic;
import dev.ronbun.contracts.Topics;
import java.util.List;
import java.util.stream.Stream;

/**
 * One topic as infrastructure creates it: its name, partitions and {@code cleanup.policy}. Every place that
 * creates or declares topics (the local stack, the test infrastructure, the deployment files' drift test)
 * derives them from {@link #all()}, which derives them from {@link Topics}.
 *
 * @param name          the topic name
 * @param partitions    how many partitions it is created with
 * @param cleanupPolicy Kafka's {@code cleanup.policy}: {@code delete} or {@code compact}
 */
public record TopicSettings(String name, int partitions, String cleanupPolicy) {

    /**
     * Dead-letter topics always delete old records, even for a compacted source topic: each rejection is
     * worth keeping on its own, and compaction would also refuse the records that were rejected for having no key.
     */
    static final String DEAD_LETTER_CLEANUP_POLICY = "delete";

    /** Every topic of {@link Topics#all()} followed by its dead-letter topic. */
    public static List<TopicSettings> all() {
        return Topics.all().stream().flatMap(TopicSettings::withDeadLetter).toList();
    }

    /** The topic itself; it keeps the partitions and cleanup policy that {@link Topic} declares. */
    public static TopicSettings of(Topic topic) {
        return new TopicSettings(topic.name(), topic.partitions(), topic.cleanupPolicy());
    }

    /**
     * The topic's dead-letter topic: as many partitions as its source, so a rejected record keeps the
     * partition (and the ordering) its key had.
     */
    public static TopicSettings deadLetterOf(Topic topic) {
        return new TopicSettings(topic.deadLetter(), topic.partitions(), DEAD_LETTER_CLEANUP_POLICY);
    }

    private static Stream<TopicSettings> withDeadLetter(Topic topic) {
        return Stream.of(of(topic), deadLetterOf(topic));
    }
}
