package dev.ronbun.recommend.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.index.PinnedCommit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Both snapshot stores, the folder and S3 (a real S3 server, S3Proxy, in the test JVM), hold a snapshot of a real
 * index: written, listed newest first, restored into an empty folder that then opens as the same complete index,
 * deleted; a snapshot whose files do not match its manifest is passed over for an older one.
 */
class SnapshotStoresTest {

    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final String BUCKET = "ronbun-snapshots";
    private static S3ProxyServer s3;
    private static S3Client client;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void bucket() throws Exception {
        s3 = S3ProxyServer.start(Files.createDirectories(scratch.resolve("s3proxy")));
        client = SnapshotStoreProducer.s3Client(Optional.of(s3.endpoint()), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                        S3ProxyServer.SECRET_KEY)));
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    static Stream<String> stores() {
        return Stream.of("folder", "s3");
    }

    private static SnapshotStore store(String kind, String name) {
        return kind.equals("folder") ? new FolderSnapshotStore(scratch.resolve("stores").resolve(name), SeededSnapshot.json())
                : new S3SnapshotStore(client, BUCKET, "replicas/" + name + "/", SeededSnapshot.json());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aSnapshotRoundTripsIntoAnEmptyFolderAsTheSameCompleteIndex(String kind) throws IOException {
        SnapshotStore store = store(kind, "round-trip");
        Path source = scratch.resolve(kind + "-source");
        SnapshotManifest older = snapshot(store, source, "20261205T070000000Z-a", NOW.minusSeconds(3600), 2);
        SnapshotManifest newer = snapshot(store, source, "20261205T075900000Z-b", NOW.minusSeconds(60), 3);

        List<SnapshotManifest> listed = store.list();
        Path restored = scratch.resolve(kind + "-restored");
        store.get(newer, restored);
        int papers;
        try (PaperIndex index = PaperIndex.open(restored, IndexSettings.DEFAULTS)) {
            papers = new PaperIndexReader(index).size();
        }
        store.delete(older);

        assertThat(listed).extracting(SnapshotManifest::id).containsExactly(newer.id(), older.id());
        assertThat(listed.getFirst()).isEqualTo(newer);
        assertThat(PaperIndex.holdsCompleteIndex(restored)).isTrue();
        assertThat(papers).isEqualTo(3);
        assertThat(store.list()).extracting(SnapshotManifest::id).containsExactly(newer.id());
        if (kind.equals("s3")) {
            assertThat(client.listObjectsV2(b -> b.bucket(BUCKET).prefix("replicas/round-trip/" + older.id())).contents())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aDamagedOrTooOldSnapshotIsPassedOverForTheNextOne(String kind) throws IOException {
        SnapshotStore store = store(kind, "damaged");
        Path source = scratch.resolve(kind + "-damaged-source");
        SnapshotManifest tooOld = snapshot(store, source, "20261203T000000000Z-a", NOW.minus(Duration.ofHours(30)), 1);
        SnapshotManifest good = snapshot(store, source, "20261205T060000000Z-a", NOW.minusSeconds(7200), 2);
        SnapshotManifest damaged = snapshot(store, source, "20261205T075000000Z-a", NOW.minusSeconds(600), 3);
        // the newest one's manifest claims a size its largest file does not have
        SnapshotManifest.SnapshotFile largest = damaged.files().stream()
                .max(Comparator.comparingLong(SnapshotManifest.SnapshotFile::bytes)).orElseThrow();
        List<SnapshotManifest.SnapshotFile> lying = new ArrayList<>(damaged.files());
        lying.set(lying.indexOf(largest), new SnapshotManifest.SnapshotFile(largest.name(), largest.bytes() + 1));
        store.put(new SnapshotManifest(damaged.id(), damaged.createdAt(), damaged.replica(), damaged.schema(),
                damaged.papers(), damaged.topic(), damaged.offsets(), lying), source.resolve(damaged.id()));

        Path folder = Files.createDirectories(scratch.resolve(kind + "-damaged-restore"));
        Files.writeString(folder.resolve("left-over.txt"), "from a wiped replica");
        SnapshotRestore restore = new SnapshotRestore(Optional.of(store), true, Duration.ofHours(20),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Optional<Map<Integer, Long>> offsets = restore.restoreInto(folder, PaperIndex.schema());
        int papers;
        try (PaperIndex index = PaperIndex.open(folder, IndexSettings.DEFAULTS, offsets.orElseThrow())) {
            papers = new PaperIndexReader(index).size();
        }

        assertThat(restore.restored().orElseThrow().manifest().id()).isEqualTo(good.id());
        assertThat(offsets.orElseThrow()).isEqualTo(good.offsets());
        assertThat(papers).isEqualTo(2);
        assertThat(folder.resolve("left-over.txt")).doesNotExist();
        assertThat(folder.resolve(".restoring")).doesNotExist();
        assertThat(tooOld.createdAt()).isBefore(NOW.minus(Duration.ofHours(20)));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void anotherSchemasSnapshotIsNeverRestored(String kind) throws IOException {
        SnapshotStore store = store(kind, "schema");
        Path source = scratch.resolve(kind + "-schema-source");
        SnapshotManifest current = snapshot(store, source, "20261205T075000000Z-a", NOW.minusSeconds(600), 1);
        store.put(new SnapshotManifest("20261205T075500000Z-a", NOW.minusSeconds(300), "a", "older-schema", 1,
                current.topic(), current.offsets(), current.files()), source.resolve(current.id()));

        SnapshotRestore restore = new SnapshotRestore(Optional.of(store), true, Duration.ofHours(20),
                Clock.fixed(NOW, ZoneOffset.UTC));
        restore.restoreInto(scratch.resolve(kind + "-schema-restore"), PaperIndex.schema());

        assertThat(restore.restored().orElseThrow().manifest().id()).isEqualTo(current.id());
    }

    @Test
    void aPinnedCommitCarriesWhereTheLastFinishedReplayReadUpToUntilTheIndexIsCleared() throws IOException {
        try (PaperIndex index = PaperIndex.open(scratch.resolve("replayed-to"), IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            writer.upsert(List.of(TestPapers.paper("arxiv:2412.02000", "Replayed").arxiv("2412.02000")
                    .vector(0.3f, 0.3f, 0.3f).text("再生").build()));
            writer.markComplete(Map.of(0, 42L, 3, 7L));
            Map<Integer, Long> afterReplay;
            try (PinnedCommit commit = writer.pinCommit().orElseThrow()) {
                afterReplay = commit.covers();
            }
            writer.clear();
            Optional<PinnedCommit> whileCleared = writer.pinCommit();
            writer.markComplete();
            Map<Integer, Long> afterClear;
            try (PinnedCommit commit = writer.pinCommit().orElseThrow()) {
                afterClear = commit.covers();
            }

            assertThat(afterReplay).isEqualTo(Map.of(0, 42L, 3, 7L));
            assertThat(whileCleared).as("an incomplete index is never pinned for a snapshot").isEmpty();
            assertThat(afterClear).isEmpty();
        }
    }

    /** A fresh index of {@code papers} papers in {@code folder}, published to the store under {@code id}. */
    private static SnapshotManifest snapshot(SnapshotStore store, Path folder, String id, Instant at, int papers)
            throws IOException {
        Path indexFolder = folder.resolve(id);
        try (PaperIndex index = PaperIndex.open(indexFolder, IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            List<PaperEvent> events = new ArrayList<>();
            for (int i = 0; i < papers; i++) {
                events.add(TestPapers.paper("arxiv:2412.0" + (1000 + i), "Snapshot paper " + i).arxiv("2412.0" + (1000 + i))
                        .vector(0.1f + i, 0.5f, 0.2f).text("スナップショット " + i).build());
            }
            writer.upsert(events);
            writer.markComplete();
            try (PinnedCommit commit = writer.pinCommit().orElseThrow()) {
                List<SnapshotManifest.SnapshotFile> files = SnapshotManifest.SnapshotFile.of(commit);
                SnapshotManifest manifest = new SnapshotManifest(id, at, id.substring(id.indexOf('-') + 1),
                        PaperIndex.schema(), commit.papers(), Topics.PAPERS.name(), Map.of(0, (long) papers), files);
                store.put(manifest, commit.folder());
                return manifest;
            }
        }
    }
}
