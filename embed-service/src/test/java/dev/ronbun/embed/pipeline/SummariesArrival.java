package dev.ronbun.embed.pipeline;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;
import static org.assertj.core.api.Assertions.fail;

import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.process.ChildProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a pipeline's output topic from a background thread and notes when each summary first arrives in a paper:
 * the end of a timed round, for embed-service ({@code ronbun.papers.v1}) and for the reference pipeline alike.
 */
final class SummariesArrival implements AutoCloseable {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean closed;

    /** {@code summaryIds} reads the ids of the summaries a paper record holds. */
    SummariesArrival(String bootstrapServers, String topic, Function<String, List<String>> summaryIds) {
        KafkaConsumer<String, String> consumer = withKafkaClassLoader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer()));
        consumer.subscribe(List.of(topic));
        poller = Thread.ofPlatform().name("benchmark-" + topic).start(() -> {
            try (consumer) {
                while (!closed) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                        if (record.value() != null) {
                            long now = System.nanoTime();
                            summaryIds.apply(record.value()).forEach(id -> arrivedAt.putIfAbsent(id, now));
                        }
                    });
                }
            }
        });
    }

    void sent(SummaryEvent summary) {
        sentAt.put(summary.summaryId(), System.nanoTime());
    }

    /** Waits until every summary arrived in a paper; returns when the last one did. */
    long await(List<SummaryEvent> summaries, ChildProcess pipeline) throws InterruptedException {
        List<String> ids = summaries.stream().map(SummaryEvent::summaryId).toList();
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (!arrivedAt.keySet().containsAll(ids)) {
            if (!pipeline.isAlive() || System.nanoTime() > deadline) {
                fail("%d of %d summaries arrived; %s's log ends:%n%s",
                        ids.stream().filter(arrivedAt::containsKey).count(), ids.size(), pipeline.name(),
                        String.join("\n", pipeline.logTail(40)));
            }
            Thread.sleep(20);
        }
        return ids.stream().mapToLong(arrivedAt::get).max().orElseThrow();
    }

    long latencyMillis(SummaryEvent summary) {
        return (arrivedAt.get(summary.summaryId()) - sentAt.get(summary.summaryId())) / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        poller.join(Duration.ofSeconds(10));
    }
}
