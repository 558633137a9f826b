package dev.ronbun.recommend.snapshots;

import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.index.PinnedCommit;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Publishes snapshots of this replica's index: on a schedule when papers changed since the last one, or when an admin
 * asks. The offsets it covers are the index consumer group's, read before the commit is pinned (the live consumer
 * writes a record before its offset is committed, and pinning commits every write), or those the commit holds (where
 * the last finished replay read to, where the live consumer wrote to), whichever is further: the snapshot holds at
 * least that. An index
 * that is not complete (a replay is filling it) is never published. Keeps the newest {@code keep}.
 */
@ApplicationScoped
public class IndexSnapshots {

    private static final Logger LOG = Logger.getLogger(IndexSnapshots.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Optional<SnapshotStore> store;
    private final RecommendConfig.Snapshots settings;
    private final PaperIndexWriter writer;
    private final PaperIndexReader reader;
    private final IndexedOffsets offsets;
    private final Clock clock;
    private long publishedGeneration = -1;

    public IndexSnapshots(Optional<SnapshotStore> store, RecommendConfig config, PaperIndexWriter writer,
                          PaperIndexReader reader, IndexedOffsets offsets, Clock clock) {
        this.store = store;
        this.settings = config.snapshots();
        this.writer = writer;
        this.reader = reader;
        this.offsets = offsets;
        this.clock = clock;
    }

    @Scheduled(identity = "index-snapshot", every = "${ronbun.recommend.snapshots.interval:30m}",
            delayed = "${ronbun.recommend.snapshots.interval:30m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (store.isEmpty()) {
            return;
        }
        try {
            publish(false);
        } catch (RuntimeException e) {
            // the store or Kafka is away: the next round tries again; the index is untouched
            LOG.warnf("Publishing an index snapshot failed: %s", e.toString());
        }
    }

    /** The snapshots in the store, newest first; empty when snapshots are off. */
    public List<SnapshotManifest> list() {
        try {
            return store.isEmpty() ? List.of() : store.get().list();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<String> location() {
        return store.map(SnapshotStore::location);
    }

    /**
     * Publishes a snapshot now; {@code evenUnchanged} also when no paper changed since the last. Empty when there was
     * nothing new or the index is not complete.
     */
    public synchronized Optional<SnapshotManifest> publish(boolean evenUnchanged) {
        SnapshotStore target = store.orElseThrow(() -> new ProblemException(409, "snapshots-off", "Conflict",
                "No snapshot store is configured (ronbun.recommend.snapshots.store)."));
        long generation = reader.generation();
        if (!evenUnchanged && generation == publishedGeneration) {
            return Optional.empty();
        }
        Map<Integer, Long> covered = new HashMap<>(offsets.covered());
        Optional<PinnedCommit> pinned = writer.pinCommit();
        if (pinned.isEmpty()) {
            LOG.info("No index snapshot: the index is not complete yet (a replay is filling it)");
            return Optional.empty();
        }
        long start = System.nanoTime();
        try (PinnedCommit commit = pinned.get()) {
            // what the commit holds by its own offsets counts too, however far the group has committed
            commit.covers().forEach((partition, offset) -> covered.merge(partition, offset, Math::max));
            Instant now = clock.instant();
            SnapshotManifest manifest = new SnapshotManifest(ID_TIME.format(now) + "-" + safe(settings.replica()), now,
                    settings.replica(), PaperIndex.schema(), commit.papers(), offsets.topic(), covered,
                    SnapshotManifest.SnapshotFile.of(commit));
            target.put(manifest, commit.folder());
            publishedGeneration = generation;
            LOG.infof("Published index snapshot %s to %s: %d papers, %.1f MiB in %.1f s", manifest.id(),
                    target.location(), manifest.papers(), manifest.bytes() / 1048576.0,
                    (System.nanoTime() - start) / 1e9);
            prune(target);
            return Optional.of(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish an index snapshot to " + target.location(), e);
        }
    }

    private void prune(SnapshotStore target) throws IOException {
        List<SnapshotManifest> all = target.list();
        for (SnapshotManifest old : all.subList(Math.min(Math.max(1, settings.keep()), all.size()), all.size())) {
            target.delete(old);
        }
    }

    private static String safe(String replica) {
        return replica.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
