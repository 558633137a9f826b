package dev.ronbun.contracts;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.commit.ContextHolder;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * SmallRye's throttled commit strategy, with a failed commit made again. The throttled strategy forgets the offsets it
 * tried to commit whether the commit succeeded or not, so a commit that failed while the broker was away is made again
 * only when a later record of the partition is processed: a partition that gets nothing more keeps its old committed
 * offset for good (its group's lag never clears, and a restart processes those records again; seen in the fault
 * suite's two-minute broker outage). This strategy keeps, per partition, the offset after the records processed in
 * order, and every {@link #INTERVAL} commits it where a partition has been quiet since the last look and the group's
 * committed offset is behind, on the consumer's own polling thread, for the partitions the consumer still owns.
 * A channel uses it with {@code commit-strategy=}{@value #STRATEGY}; {@link KafkaCommitStrategies} produces the
 * factory ({@link #factory}) under that identifier.
 */
public final class CatchingUpCommit extends ContextHolder implements KafkaCommitHandler {

    public static final String STRATEGY = "throttled-catching-up";
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration BROKER_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(CatchingUpCommit.class);

    private final KafkaCommitHandler throttled;
    private final KafkaConsumer<?, ?> consumer;
    private final long timer;
    private final Map<TopicPartition, ProcessedInOrder> partitions = new ConcurrentHashMap<>();
    /** The next offset of each partition at the last look, and the ones known committed: touched by the timer only. */
    private final Map<TopicPartition, Long> seenLastTime = new HashMap<>();
    private final Map<TopicPartition, Long> knownCommitted = new ConcurrentHashMap<>();

    CatchingUpCommit(KafkaCommitHandler throttled, KafkaConsumer<?, ?> consumer, Vertx vertx, Duration interval) {
        super(vertx, (int) BROKER_WAIT.toMillis());
        this.throttled = throttled;
        this.consumer = consumer;
        this.timer = vertx.setPeriodic(interval.toMillis(), id -> catchUp());
    }

    /** The connector hands its context to a commit handler that holds one; the throttled handler needs it. */
    @Override
    public void capture(io.vertx.core.Context context) {
        super.capture(context);
        if (throttled instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    @Override
    public void capture(io.vertx.mutiny.core.Context context) {
        super.capture(context);
        if (throttled instanceof ContextHolder holder) {
            holder.capture(context);
        }
    }

    /** The factory a service produces under {@link #STRATEGY}, around SmallRye's own throttled one. */
    public static Factory factory(Factory throttled) {
        return (config, vertx, consumer, reportFailure) -> new CatchingUpCommit(
                throttled.create(config, vertx, consumer, reportFailure), consumer, vertx, INTERVAL);
    }

    @Override
    public <K, V> Multi<IncomingKafkaRecord<K, V>> decorateStream(Multi<IncomingKafkaRecord<K, V>> consumed) {
        return throttled.decorateStream(consumed);
    }

    @Override
    public <K, V> Uni<IncomingKafkaRecord<K, V>> received(IncomingKafkaRecord<K, V> record) {
        partitions.computeIfAbsent(partitionOf(record), p -> new ProcessedInOrder()).received(record.getOffset());
        return throttled.received(record);
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
        ProcessedInOrder partition = partitions.get(partitionOf(record));
        if (partition != null) {
            partition.processed(record.getOffset());
        }
        return throttled.handle(record);
    }

    @Override
    public void partitionsAssigned(Collection<TopicPartition> assigned) {
        throttled.partitionsAssigned(assigned);
    }

    @Override
    public void partitionsRevoked(Collection<TopicPartition> revoked) {
        revoked.forEach(partition -> {
            partitions.remove(partition);
            knownCommitted.remove(partition);
        });
        throttled.partitionsRevoked(revoked);
    }

    @Override
    public void terminate(boolean graceful) {
        vertx.cancelTimer(timer);
        throttled.terminate(graceful);
    }

    /**
     * Commits, for each partition quiet since the last look whose next offset is not known committed, that offset
     * where the group's committed one is behind. A broker still away fails the look; the next one tries again.
     */
    private void catchUp() {
        Map<TopicPartition, Long> quiet = new HashMap<>();
        partitions.forEach((partition, processed) -> {
            long next = processed.next();
            Long before = seenLastTime.put(partition, next);
            boolean quietSinceLastLook = before != null && before == next;
            if (next >= 0 && quietSinceLastLook && !Long.valueOf(next).equals(knownCommitted.get(partition))) {
                quiet.put(partition, next);
            }
        });
        seenLastTime.keySet().retainAll(partitions.keySet());
        if (quiet.isEmpty()) {
            return;
        }
        consumer.runOnPollingThread(kafka -> {
            Set<TopicPartition> owned = new HashSet<>(quiet.keySet());
            owned.retainAll(kafka.assignment());
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed(owned, BROKER_WAIT);
            Map<TopicPartition, OffsetAndMetadata> behind = new HashMap<>();
            for (TopicPartition partition : owned) {
                OffsetAndMetadata current = committed.get(partition);
                long next = quiet.get(partition);
                if (current == null || current.offset() < next) {
                    behind.put(partition, new OffsetAndMetadata(next));
                }
            }
            if (!behind.isEmpty()) {
                kafka.commitSync(behind, BROKER_WAIT);
            }
            owned.forEach(partition -> knownCommitted.put(partition, quiet.get(partition)));
            return behind;
        }).subscribe().with(
                caughtUp -> {
                    if (!caughtUp.isEmpty()) {
                        LOG.infof("Committed offsets a failed commit had left behind: %s", caughtUp);
                    }
                },
                failure -> LOG.debugf("Catching up commits failed, tried again in %s: %s", INTERVAL, failure));
    }

    private static TopicPartition partitionOf(IncomingKafkaRecord<?, ?> record) {
        return new TopicPartition(record.getTopic(), record.getPartition());
    }

    /**
     * The records of one partition received and processed: {@link #next()} is the offset after the last record
     * processed with every record received before it processed too (offsets may skip: transaction markers, compaction).
     */
    static final class ProcessedInOrder {

        private final ArrayDeque<Long> waiting = new ArrayDeque<>();
        private final Set<Long> processedAhead = new HashSet<>();
        private long next = -1;

        synchronized void received(long offset) {
            if (offset >= next) {
                waiting.addLast(offset);
            }
        }

        synchronized void processed(long offset) {
            if (offset < next) {
                return;
            }
            processedAhead.add(offset);
            while (!waiting.isEmpty() && processedAhead.remove(waiting.peekFirst())) {
                next = waiting.pollFirst() + 1;
            }
        }

        /** The offset to commit, or -1 before the first record processed. */
        synchronized long next() {
            return next;
        }
    }
}
