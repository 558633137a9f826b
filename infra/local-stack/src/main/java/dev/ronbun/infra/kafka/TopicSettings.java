package dev.ronbun.infra.kafka;

import dev.ronbun.contracts.Topic;
import dev.ronbun.contracts.Topics;
import java.util.List;
import java.util.stream.Stream;

/**
 * One topic as infrastructure creates it: its name, partitions, {@code cleanup.policy} and {@code max.message.bytes}.
 * Every place that creates or declares topics (the local stack, the test infrastructure, the deployment files' drift
 * test) derives them from {@link #all()}, which derives them from {@link Topics}.
 *
 * @param name            the topic name
 * @param partitions      how many partitions it is created with
 * @param cleanupPolicy   Kafka's {@code cleanup.policy}: {@code delete} or {@code compact}
 * @param maxMessageBytes Kafka's {@code max.message.bytes}: the largest record batch the topic accepts
 */
public record TopicSettings(String name, int partitions, String cleanupPolicy, int maxMessageBytes) {

    /**
     * A summary carries one paper's text twice (sections and body): a 2 MiB document can make an event of several
     * MiB. ingest-service's producer ({@code max.request.size}) and its own check ({@code ronbun.ingest.max-event-bytes})
     * stay below this.
     */
    public static final int SUMMARIES_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /**
     * A paper event carries every summary of the paper, from every document that mentions it, so it gets the most
     * room; embed-service's papers producer ({@code max.request.size}, {@code buffer.memory}) matches it.
     */
    public static final int PAPERS_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    /** A reading event is a few hundred bytes; Kafka's own default is ample. */
    public static final int READING_EVENTS_MAX_MESSAGE_BYTES = 1024 * 1024;

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
        return new TopicSettings(topic.name(), topic.partitions(), topic.cleanupPolicy(), maxMessageBytesOf(topic));
    }

    /**
     * The topic's dead-letter topic: as many partitions as its source, so a rejected record keeps the
     * partition (and the ordering) its key had, and room for the largest record its source accepts.
     */
    public static TopicSettings deadLetterOf(Topic topic) {
        return new TopicSettings(topic.deadLetter(), topic.partitions(), DEAD_LETTER_CLEANUP_POLICY,
                maxMessageBytesOf(topic));
    }

    /** The largest record batch of any topic: the broker's {@code message.max.bytes}. */
    public static int largestMaxMessageBytes() {
        return all().stream().mapToInt(TopicSettings::maxMessageBytes).max().orElseThrow();
    }

    private static int maxMessageBytesOf(Topic topic) {
        if (topic.equals(Topics.SUMMARIES)) {
            return SUMMARIES_MAX_MESSAGE_BYTES;
        }
        if (topic.equals(Topics.PAPERS)) {
            return PAPERS_MAX_MESSAGE_BYTES;
        }
        return READING_EVENTS_MAX_MESSAGE_BYTES;
    }

    private static Stream<TopicSettings> withDeadLetter(Topic topic) {
        return Stream.of(of(topic), deadLetterOf(topic));
    }
}
