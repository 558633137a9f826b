package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.InvalidEventException;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.readers.MergedWorks;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the index by replaying the compacted {@code ronbun.papers.v1} from its beginning with a plain consumer that
 * assigns itself every partition (no group, no committed offsets) and reads up to the end offsets seen when it
 * started. Runs when asked (optionally clearing the index first) and at startup: from the beginning when the index is
 * new, so that a lost or outdated index catches up even though the live consumer's group has long committed its
 * offsets; from the offsets a restored snapshot or the index's last commit holds otherwise (the tail the live
 * consumer's group may have committed past). The live consumer keeps running meanwhile; after a new index or a
 * restored snapshot it starts where the startup replay stops reading ({@link LiveConsumerStart}), so the two do not
 * index the same records. The index never lets an older state of a paper replace a newer one.
 */
@ApplicationScoped
public class PaperReplay {

    private static final Logger LOG = Logger.getLogger(PaperReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STARTUP_RETRY = Duration.ofSeconds(10);

    private final PaperIndexWriter index;
    private final PaperIndexReader reader;
    private final String bootstrapServers;
    private final String topic;
    private final Clock clock;
    private final int segmentsAfterReplay;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ronbun-paper-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ReplayProgress> progress = new AtomicReference<>(ReplayProgress.IDLE);
    /**
     * Per partition, where the live consumer starts at the earliest: where the startup replay of a rebuilt index stops
     * reading; empty when there is no such replay.
     */
    private final CompletableFuture<Map<Integer, Long>> liveStart = new CompletableFuture<>();
    /**
     * Whether the startup replay rebuilds the index (new, wiped or restored from a snapshot), so that the live consumer
     * leaves its records to it; a restarted replica's short tail is re-applied live as always (see
     * {@link LiveConsumerStart} for why).
     */
    private volatile boolean rebuilding;
    private volatile boolean stopping;
    private volatile boolean startupReplayDone;
    private final Event<PapersChanged> changes;
    private final MergedWorks mergedWorks;

    public PaperReplay(PaperIndexWriter index, PaperIndexReader reader,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "ronbun.topic.papers") String topic, Clock clock,
                       RecommendConfig config, Event<PapersChanged> changes, MergedWorks mergedWorks) {
        this.index = index;
        this.mergedWorks = mergedWorks;
        this.changes = changes;
        this.reader = reader;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.clock = clock;
        this.segmentsAfterReplay = config.index().segmentsAfterReplay();
    }

    void onStart(@Observes StartupEvent startup) {
        if (index.needsReplay()) {
            Map<Integer, Long> from = index.replayFrom();
            rebuilding = from.isEmpty() || index.restored();
            if (!rebuilding) {
                liveStart.complete(Map.of());
            }
            startup(from.isEmpty() ? "new index" : index.restored() ? "the topic after a restored snapshot"
                    : "the topic after the index's last commit", from);
        } else {
            liveStart.complete(Map.of());
        }
    }

    /**
     * Per partition, the offset before which the live consumer need not read: where the startup replay of a rebuilt
     * index stops reading (every record before it is indexed once the replica is ready). Waits at most {@code wait}
     * for the replay to ask the broker, then falls back to where the replay starts (a restored snapshot's offsets).
     * Empty when the index was not rebuilt at startup.
     */
    public Map<Integer, Long> liveConsumerStart(Duration wait) {
        try {
            return liveStart.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return rebuilding ? index.replayFrom() : Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /**
     * Whether the index is complete: its startup replay (if it needed one) has read up to the topic's end (the merge
     * after it may still run; the index serves meanwhile).
     */
    public boolean ready() {
        return !index.needsReplay() || startupReplayDone;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ReplayProgress progress() {
        return progress.get();
    }

    /** Starts a replay of the whole topic in the background; 409 when one is already running. */
    public synchronized ReplayProgress start(boolean clearFirst, String reason) {
        if (progress.get().running()) {
            throw new ProblemException(409, "reindex-running", "Conflict",
                    "A reindex is already running; follow it with GET /api/admin/reindex.");
        }
        ReplayProgress started = ReplayProgress.running(reason, clock.instant());
        progress.set(started);
        worker.submit(() -> replay(started, clearFirst, Map.of(), false));
        return started;
    }

    private synchronized void startup(String reason, Map<Integer, Long> from) {
        ReplayProgress started = ReplayProgress.running(reason, clock.instant());
        progress.set(started);
        worker.submit(() -> {
            // until it succeeds: the index is not complete (and the replica not ready) before it has
            while (!stopping) {
                replay(started, false, from, true);
                if (startupReplayDone) {
                    return;
                }
                try {
                    Thread.sleep(STARTUP_RETRY.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /**
     * Reads the topic from {@code from} (per partition; a partition not in it from its start) up to its end, then
     * marks the index complete and, after a replay of the whole topic, merges it. The {@code startup} replay of a
     * rebuilt index also says where it stops before reading ({@link #liveConsumerStart}) and does what the live
     * consumer would have done for the records it reads, which the live consumer then skips: it carries merged works.
     */
    private void replay(ReplayProgress started, boolean clearFirst, Map<Integer, Long> from, boolean startup) {
        long read = 0;
        long indexed = 0;
        long deleted = 0;
        long skipped = 0;
        long total = 0;
        if (clearFirst) {
            try {
                index.clear();
                changes.fire(PapersChanged.everything(reader.generation()));
            } catch (RuntimeException e) {
                LOG.error("Clearing the index for a reindex failed", e);
                progress.set(started.failed(clock.instant(), e.toString()));
                return;
            }
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<Integer, Long> endByPartition = new HashMap<>();
            end.forEach((partition, offset) -> endByPartition.put(partition.partition(), offset));
            boolean readsForLive = startup && rebuilding;
            if (readsForLive) {
                liveStart.complete(Map.copyOf(endByPartition));
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long first = Math.max(beginning.get(partition), from.getOrDefault(partition.partition(), 0L));
                consumer.seek(partition, first);
                total += Math.max(0, end.get(partition) - first);
            }
            progress.set(withCounts(started, total, 0, 0, 0, 0));
            while (!stopping && !caughtUp(consumer, partitions, end)) {
                List<PaperEvent> papers = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    read++;
                    if (record.value() == null) {
                        if (record.key() != null) {
                            indexed += write(papers, readsForLive);
                            papers.clear();
                            index.delete(record.key());
                            deleted++;
                        }
                        continue;
                    }
                    try {
                        papers.add(EventJson.readPaper(record.value()));
                    } catch (InvalidEventException e) {
                        skipped++;
                    }
                }
                indexed += write(papers, readsForLive);
                // a batch of the whole topic, tombstones among it: cheaper to count every result as changed
                changes.fire(PapersChanged.everything(reader.generation()));
                progress.set(withCounts(started, total, read, indexed, deleted, skipped));
            }
            if (stopping) {
                return;
            }
            index.markComplete(endByPartition);
            if (startup) {
                startupReplayDone = true;
            }
            ReplayProgress afterReading = withCounts(started, total, read, indexed, deleted, skipped);
            long mergeStart = System.nanoTime();
            if (segmentsAfterReplay > 0 && from.isEmpty()) {
                // The index serves searches (from its old segments) and new papers throughout the merge. A tail
                // after a restored snapshot adds few papers to segments merged before: Lucene's policy will do.
                progress.set(afterReading.merging());
                index.compact(segmentsAfterReplay);
            }
            int segments = reader.segments();
            progress.set(afterReading.done(clock.instant(), segments));
            LOG.infof("Replayed %s: %d records, %d papers indexed, %d deleted, %d skipped; the index holds %d papers "
                            + "in %d segments (merged in %.1f s)", topic, read, indexed, deleted, skipped,
                    reader.size(), segments, (System.nanoTime() - mergeStart) / 1e9);
        } catch (RuntimeException e) {
            LOG.error("Replaying " + topic + " failed", e);
            progress.set(withCounts(started, total, read, indexed, deleted, skipped).failed(clock.instant(),
                    e.toString()));
        }
    }

    /**
     * Writes a batch to the index; for records the live consumer leaves to this replay, also moves readers' history
     * to the works that absorbed former records, as the live consumer does ({@link MergedWorks}; carrying again
     * changes nothing).
     */
    private int write(List<PaperEvent> papers, boolean forLive) {
        int written = index.upsert(papers);
        if (forLive) {
            for (PaperEvent paper : papers) {
                if (!paper.formerIds().isEmpty()) {
                    mergedWorks.carry(paper.formerIds(), paper.paperId());
                }
            }
        }
        return written;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                    Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static ReplayProgress withCounts(ReplayProgress started, long total, long read, long indexed,
                                             long deleted, long skipped) {
        return new ReplayProgress("running", started.reason(), started.startedAt(), null, total, read, indexed,
                deleted, skipped, 0, null);
    }
}
