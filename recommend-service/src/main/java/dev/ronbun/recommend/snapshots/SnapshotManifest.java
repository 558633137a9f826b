package dev.ronbun.recommend.snapshots;

import dev.ronbun.recommend.index.PinnedCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one index snapshot holds: the Lucene commit's files and the papers-topic offsets it covers (every record
 * below them is in it; a replica that restores it replays from there). Written to the store after the files, so a
 * snapshot whose manifest can be read is whole.
 *
 * @param id        sortable by time ({@code 20261205T081500Z-<replica>})
 * @param schema    the index schema it was written in; another schema's snapshot is never restored
 * @param offsets   per partition of {@code topic}, the offset its replay resumes from
 */
public record SnapshotManifest(String id, Instant createdAt, String replica, String schema, long papers, String topic,
                               Map<Integer, Long> offsets, List<SnapshotFile> files) {

    public static final String FILE_NAME = "manifest.json";

    public SnapshotManifest {
        offsets = Map.copyOf(offsets);
        files = List.copyOf(files);
    }

    public long bytes() {
        return files.stream().mapToLong(SnapshotFile::bytes).sum();
    }

    /** Restorable by an index of {@code schema}, and young enough that no tombstone after it is compacted away. */
    public boolean restorableAt(String indexSchema, Instant now, Duration maxAge) {
        return schema.equals(indexSchema) && !createdAt.plus(maxAge).isBefore(now);
    }

    /** One file of the Lucene commit. */
    public record SnapshotFile(String name, long bytes) {

        /** The files of a pinned commit, with their sizes as they are on disk now. */
        public static List<SnapshotFile> of(PinnedCommit commit) throws IOException {
            List<SnapshotFile> files = new ArrayList<>();
            for (String name : commit.files()) {
                files.add(new SnapshotFile(name, Files.size(commit.folder().resolve(name))));
            }
            return files;
        }
    }
}
