package dev.ronbun.embed.pipeline;

import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.TestTopics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What embed's pipeline tests wait for on {@code ronbun.papers.v1}. */
final class PapersTopic {

    private PapersTopic() {
    }

    /** Waits until the paper's latest record on the topic is a tombstone; fails after a minute. */
    static void awaitTombstone(String paperId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> records = TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE,
                    Duration.ofSeconds(2)).stream().filter(r -> paperId.equals(r.key())).toList();
            if (!records.isEmpty() && records.getLast().value() == null) {
                return;
            }
        }
        throw new AssertionError("no tombstone for " + paperId + " on " + Topics.PAPERS.name());
    }
}
