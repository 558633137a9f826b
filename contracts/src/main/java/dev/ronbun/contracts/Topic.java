package dev.ronbun.contracts;

/**
 * One Kafka topic of the pipeline: its name, what its records are keyed by, how it is cleaned up,
 * and where records go that its consumer cannot process.
 *
 * @param name        the topic name; the version suffix changes only on a breaking schema change
 * @param key         what the record key is, in words (it decides ordering and compaction)
 * @param schema      the classpath resource of the JSON Schema that every value conforms to
 * @param partitions  partitions created by infra; six lets each consumer group scale to six instances
 * @param compacted   true when only the latest record per key matters (the topic is a table)
 */
public record Topic(String name, String key, String schema, int partitions, boolean compacted) {

    /** Suffix of each topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** The name of the topic that receives the records this topic's consumer rejected, with the reason in a header. */
    public String deadLetter() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /** Kafka's {@code cleanup.policy} for this topic. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
