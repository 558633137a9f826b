package dev.ronbun.recommend.pipeline;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.contracts.RetryingConsumer;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.readers.MergedWorks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the index in step with the compacted {@code ronbun.papers.v1}: every record replaces the paper's document
 * and a tombstone (null value) removes it, searchable at once. The index commits in groups ({@link IndexCommits}),
 * each commit holding the offsets its records came from, and a restart replays the topic from those offsets
 * ({@link PaperReplay}), whatever the consumer group committed meanwhile: a crash re-indexes what the index had not
 * committed (upserts, hence harmless) and loses nothing. A record that is not a valid paper event, or that the index
 * refuses (a vector of another dimension), goes to {@code ronbun.papers.v1.dlq} at once with the reason; a write that
 * fails for a passing reason (the disk) is retried with back-off until it passes ({@link RedeliveryPolicy}).
 *
 * <p>A paper that carries {@code formerIds} absorbed those records as the same work: they leave the index with it
 * (their tombstones, on other partitions, may come later or have come earlier) and readers' history on them moves
 * to it ({@link MergedWorks}).
 */
@ApplicationScoped
public class PaperIndexer implements RetryingConsumer {

    private final PaperIndexWriter index;
    private final MergedWorks mergedWorks;
    private final RedeliveryPolicy retries;
    private final Event<PapersChanged> changes;
    private final PaperIndexReader reader;
    private final Counter applied;

    public PaperIndexer(PaperIndexWriter index, PaperIndexReader reader, MergedWorks mergedWorks,
                        RecommendConfig config, Event<PapersChanged> changes, MeterRegistry registry) {
        this.index = index;
        this.applied = Counter.builder("ronbun.recommend.index.live-records")
                .description("Records of the papers topic the live consumer applied to the index (papers and "
                        + "deletions); the startup replay's are not counted")
                .register(registry);
        this.reader = reader;
        this.mergedWorks = mergedWorks;
        this.retries = new RedeliveryPolicy(config.retry());
        this.changes = changes;
    }

    @Override
    public String consumerName() {
        return "papers";
    }

    /** Watched by {@link dev.ronbun.contracts.ConsumerLiveness}. */
    @Override
    public RedeliveryPolicy redelivery() {
        return retries;
    }

    @Incoming("papers")
    @Blocking
    public void index(ConsumerRecord<String, String> record) {
        if (record.value() == null && record.key() != null) {
            retries.run("deleting paper " + record.key(), () -> {
                index.deleteLive(record.key(), record.partition(), record.offset() + 1);
                return null;
            });
            applied.increment();
            changes.fire(PapersChanged.removed(List.of(record.key()), reader.generation()));
            return;
        }
        PaperEvent paper = EventJson.readPaper(record.value());
        List<String> former = paper.formerIds().stream().filter(id -> !id.equals(paper.paperId())).toList();
        retries.run("indexing paper " + paper.paperId(),
                () -> index.upsertLive(paper, former, record.partition(), record.offset() + 1));
        if (!paper.formerIds().isEmpty()) {
            retries.run("merging former records into paper " + paper.paperId(), () -> {
                mergedWorks.carry(paper.formerIds(), paper.paperId());
                return null;
            });
        }
        applied.increment();
        changes.fire(new PapersChanged(List.of(paper), former, false, reader.generation()));
    }
}
