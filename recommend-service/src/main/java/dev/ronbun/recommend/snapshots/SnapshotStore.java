package dev.ronbun.recommend.snapshots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where index snapshots are kept: a folder (one machine, or a shared volume) or an S3-compatible bucket. A snapshot is
 * its files under {@code <id>/} and, written last, {@code <id>/manifest.json}.
 */
public interface SnapshotStore {

    /** The whole snapshots (those with a manifest), newest first. */
    List<SnapshotManifest> list() throws IOException;

    /** Copies the manifest's files from {@code folder}, then the manifest. */
    void put(SnapshotManifest manifest, Path folder) throws IOException;

    /** Copies the manifest's files into {@code folder}. */
    void get(SnapshotManifest manifest, Path folder) throws IOException;

    /** Removes a snapshot, its manifest first (so that a half-deleted one is never listed). */
    void delete(SnapshotManifest manifest) throws IOException;

    /** Where, for logs and the admin API. */
    String location();
}
