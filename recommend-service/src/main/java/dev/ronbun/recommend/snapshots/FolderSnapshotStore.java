package dev.ronbun.recommend.snapshots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.jboss.logging.Logger;

/** Snapshots in a folder: local runs, or a volume every replica mounts. */
public final class FolderSnapshotStore implements SnapshotStore {

    private static final Logger LOG = Logger.getLogger(FolderSnapshotStore.class);

    private final Path root;
    private final SnapshotJson json;

    public FolderSnapshotStore(Path root, SnapshotJson json) {
        this.root = root;
        this.json = json;
    }

    @Override
    public List<SnapshotManifest> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SnapshotManifest> manifests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Path manifest = folder.resolve(SnapshotManifest.FILE_NAME);
                if (Files.isRegularFile(manifest)) {
                    try {
                        manifests.add(json.read(Files.readAllBytes(manifest)));
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("Skipping the unreadable snapshot manifest %s: %s", manifest, e.getMessage());
                    }
                }
            }
        }
        manifests.sort(Comparator.comparing(SnapshotManifest::id).reversed());
        return manifests;
    }

    @Override
    public void put(SnapshotManifest manifest, Path folder) throws IOException {
        Path target = Files.createDirectories(root.resolve(manifest.id()));
        for (SnapshotManifest.SnapshotFile file : manifest.files()) {
            Files.copy(folder.resolve(file.name()), target.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
        }
        // the manifest appears whole or not at all
        Path partial = target.resolve(SnapshotManifest.FILE_NAME + ".partial");
        Files.write(partial, json.write(manifest));
        Files.move(partial, target.resolve(SnapshotManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void get(SnapshotManifest manifest, Path folder) throws IOException {
        Path source = root.resolve(manifest.id());
        Files.createDirectories(folder);
        for (SnapshotManifest.SnapshotFile file : manifest.files()) {
            Files.copy(source.resolve(file.name()), folder.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void delete(SnapshotManifest manifest) throws IOException {
        Path folder = root.resolve(manifest.id());
        Files.deleteIfExists(folder.resolve(SnapshotManifest.FILE_NAME));
        FileUtils.deleteDirectory(folder.toFile());
    }

    @Override
    public String location() {
        return root.toAbsolutePath().toString();
    }
}
