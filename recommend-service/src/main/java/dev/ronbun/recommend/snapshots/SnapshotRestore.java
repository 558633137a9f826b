package dev.ronbun.recommend.snapshots;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.IndexRestorer;
import dev.ronbun.recommend.index.PaperIndex;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.jboss.logging.Logger;

/**
 * Restores the newest usable snapshot into an index folder that holds no complete index: downloaded beside it,
 * checked file by file against the manifest, then moved into place. A snapshot that fails is skipped for the next
 * older one; with none left the index replays the whole topic, as without snapshots.
 */
@ApplicationScoped
public class SnapshotRestore implements IndexRestorer {

    private static final Logger LOG = Logger.getLogger(SnapshotRestore.class);

    private final Optional<SnapshotStore> store;
    private final boolean enabled;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicReference<RestoredSnapshot> restored = new AtomicReference<>();

    @Inject
    public SnapshotRestore(Optional<SnapshotStore> store, RecommendConfig config, Clock clock) {
        this(store, config.snapshots().restore(), config.snapshots().maxAge(), clock);
    }

    SnapshotRestore(Optional<SnapshotStore> store, boolean enabled, Duration maxAge, Clock clock) {
        this.store = store;
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The snapshot this replica started from, if it restored one. */
    public Optional<RestoredSnapshot> restored() {
        return Optional.ofNullable(restored.get());
    }

    @Override
    public Optional<Map<Integer, Long>> restoreInto(Path folder, String schema) {
        if (store.isEmpty() || !enabled || PaperIndex.holdsCompleteIndex(folder)) {
            return Optional.empty();
        }
        List<SnapshotManifest> usable;
        try {
            usable = store.get().list().stream()
                    .filter(m -> m.restorableAt(schema, clock.instant(), maxAge)).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot list the snapshots in %s (%s): the index replays the whole topic", store.get().location(),
                    e.toString());
            return Optional.empty();
        }
        for (SnapshotManifest manifest : usable) {
            long start = System.nanoTime();
            // inside the index folder, which may be a volume's mount point: the files then move within one disk
            Path staging = folder.resolve(".restoring");
            try {
                FileUtils.deleteDirectory(staging.toFile());
                store.get().get(manifest, staging);
                check(manifest, staging);
                moveInto(staging, folder);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                restored.set(new RestoredSnapshot(manifest, took));
                LOG.infof("Restored snapshot %s (%d papers, %.1f MiB) from %s in %.1f s; replaying the topic after it",
                        manifest.id(), manifest.papers(), manifest.bytes() / 1048576.0, store.get().location(),
                        took.toMillis() / 1000.0);
                return Optional.of(manifest.offsets());
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Snapshot %s could not be restored (%s); trying an older one", manifest.id(), e.toString());
                try {
                    FileUtils.deleteDirectory(staging.toFile());
                } catch (IOException ignored) {
                    // the next attempt clears it again
                }
            }
        }
        return Optional.empty();
    }

    private static void check(SnapshotManifest manifest, Path folder) throws IOException {
        for (SnapshotManifest.SnapshotFile file : manifest.files()) {
            long size = Files.size(folder.resolve(file.name()));
            if (size != file.bytes()) {
                throw new IOException(file.name() + " has " + size + " bytes, the manifest says " + file.bytes());
            }
        }
    }

    /** Empties {@code folder} but for the staging folder, then moves the staged files into it. */
    private static void moveInto(Path staging, Path folder) throws IOException {
        try (Stream<Path> old = Files.list(folder)) {
            for (Path path : old.filter(p -> !p.equals(staging)).toList()) {
                FileUtils.forceDelete(path.toFile());
            }
        }
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(staging);
    }

    /** A snapshot restored at startup and how long fetching it took. */
    public record RestoredSnapshot(SnapshotManifest manifest, Duration took) {
    }
}
