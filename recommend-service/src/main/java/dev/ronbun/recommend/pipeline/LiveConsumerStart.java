package dev.ronbun.recommend.pipeline;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Where the live consumer of {@code ronbun.papers.v1} starts a partition it is assigned when the index was rebuilt at
 * startup (a new or wiped index, or a restored snapshot): never before the records the startup replay reads (the
 * whole topic, or the snapshot's tail; {@link PaperReplay#liveConsumerStart}). A new replica's consumer group has no committed offsets; without this its
 * live consumer read the whole topic from the start alongside the startup replay, decoding and indexing every record
 * a second time, one by one (a million at 1M papers, at about 150 a second). A group whose committed offsets are
 * further along keeps them.
 *
 * <p>A restarted replica (a complete index with a tail after its last commit) keeps its group's offsets, a commit
 * interval or so behind, and re-applies that short tail live as it always did. Skipping it changed nothing in what the
 * index holds, yet on the fault suite's 66 papers the two replicas' related scores then differed by up to 6 %: most
 * likely because fewer writes left fewer deleted documents than on a replica that never stopped, and BM25's statistics
 * count deleted documents (docs/benchmarks.md).
 */
@ApplicationScoped
@Identifier(LiveConsumerStart.NAME)
public class LiveConsumerStart implements KafkaConsumerRebalanceListener {

    /** The name {@code mp.messaging.incoming.papers.consumer-rebalance-listener.name} refers to. */
    public static final String NAME = "papers-live-start";

    /** How long an assignment waits for the startup replay to learn where it stops (one request to the broker). */
    private static final Duration REPLAY_END_WAIT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(LiveConsumerStart.class);

    private final PaperReplay replay;

    public LiveConsumerStart(PaperReplay replay) {
        this.replay = replay;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> start = replay.liveConsumerStart(REPLAY_END_WAIT);
        for (TopicPartition partition : partitions) {
            Long from = start.get(partition.partition());
            if (from == null) {
                continue;
            }
            long position = consumer.position(partition);
            if (position < from) {
                consumer.seek(partition, from);
                LOG.infof("Live indexing of %s starts at offset %d, not %d: the startup replay covers the records "
                        + "before it", partition, from, position);
            }
        }
    }
}
