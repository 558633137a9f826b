package dev.ronbun.recommend.snapshots;

import static dev.ronbun.infra.kafka.KafkaClassLoading.withKafkaClassLoader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.index.PinnedCommit;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Before the service starts, what another replica left behind: the papers topic holds four papers, a snapshot of an
 * index with those four (and the offsets after them) is in a snapshot folder, and then a new paper, a tombstone for
 * one of the four, and a work that absorbed another of them (with its tombstone) arrive on the topic. The service
 * starts as a new replica (empty index folder, a consumer group of its own), so it can only know what came after the
 * snapshot from replaying the tail.
 */
public class SeededSnapshot implements QuarkusTestResourceLifecycleManager {

    static final PaperEvent KEPT = TestPapers.paper("arxiv:2410.05258", "Differential Transformer")
            .arxiv("2410.05258").vector(0.8f, 0.2f, 0.1f).keywords("注意機構").text("差分注意でノイズを打ち消す。").build();
    static final PaperEvent DELETED_LATER = TestPapers.paper("arxiv:2410.01201", "Were RNNs All We Needed?")
            .arxiv("2410.01201").vector(0.2f, 0.8f, 0.1f).keywords("RNN").text("最小限の LSTM と GRU。").build();
    static final PaperEvent ALSO_KEPT = TestPapers.paper("arxiv:2410.10630", "Thinking LLMs")
            .arxiv("2410.10630").vector(0.1f, 0.3f, 0.9f).keywords("推論").text("考えてから答える学習。").build();
    static final PaperEvent AFTER = TestPapers.paper("arxiv:2410.02707", "LLMs Know More Than They Show")
            .arxiv("2410.02707").vector(0.4f, 0.4f, 0.6f).keywords("幻覚").text("内部表現に真偽が現れる。").build();

    /** In the snapshot under its title only; after it, merged into its arXiv-keyed paper (and tombstoned). */
    static final PaperEvent TITLE_KEYED = TestPapers.paper("title:scaling monosemanticity", "Scaling Monosemanticity")
            .vector(0.5f, 0.1f, 0.8f).keywords("解釈可能性").text("辞書学習で特徴を取り出す。").build();
    static final PaperEvent MERGED = TestPapers.mergedInto(TestPapers.paper("arxiv:2406.04093",
                    "Scaling and evaluating sparse autoencoders").arxiv("2406.04093").vector(0.5f, 0.15f, 0.8f)
            .keywords("解釈可能性").text("疎な自己符号化器を大きくする。").build(), TITLE_KEYED);

    static final String SNAPSHOT_ID = "20260101T000000000Z-seed";
    static Path store;

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createDirectories(Path.of("target", "snapshot-seed", UUID.randomUUID().toString()));
            store = root.resolve("store");
            String topic = Topics.PAPERS.name();
            for (PaperEvent paper : List.of(KEPT, DELETED_LATER, ALSO_KEPT, TITLE_KEYED)) {
                TestTopics.send(topic, paper.paperId(), EventJson.write(paper));
            }
            Map<Integer, Long> offsets = endOffsets(topic);
            try (PaperIndex index = PaperIndex.open(root.resolve("other-replica-index"), IndexSettings.DEFAULTS)) {
                PaperIndexWriter writer = new PaperIndexWriter(index);
                writer.upsert(List.of(KEPT, DELETED_LATER, ALSO_KEPT, TITLE_KEYED));
                writer.markComplete();
                try (PinnedCommit commit = writer.pinCommit().orElseThrow()) {
                    List<SnapshotManifest.SnapshotFile> files = SnapshotManifest.SnapshotFile.of(commit);
                    SnapshotManifest manifest = new SnapshotManifest(SNAPSHOT_ID, Instant.now(), "seed",
                            PaperIndex.schema(), commit.papers(), topic, offsets, files);
                    new FolderSnapshotStore(store, json()).put(manifest, commit.folder());
                }
            }
            TestTopics.send(topic, AFTER.paperId(), EventJson.write(AFTER));
            TestTopics.send(topic, DELETED_LATER.paperId(), null);
            TestTopics.send(topic, MERGED.paperId(), EventJson.write(MERGED));
            TestTopics.send(topic, TITLE_KEYED.paperId(), null);
            return Map.of(
                    "ronbun.recommend.index-dir", root.resolve("index").toString(),
                    "ronbun.recommend.snapshots.store", store.toString(),
                    "mp.messaging.incoming.papers.group.id", "recommend-snapshot-test-" + UUID.randomUUID());
        } catch (Exception e) {
            throw new IllegalStateException("cannot seed a snapshot", e);
        }
    }

    @Override
    public void stop() {
    }

    static SnapshotJson json() {
        return new SnapshotJson(new ObjectMapper().registerModule(new JavaTimeModule()));
    }

    private static Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = withKafkaClassLoader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RonbunTestInfrastructure.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<Integer, Long> offsets = new HashMap<>();
            consumer.endOffsets(partitions).forEach((p, offset) -> offsets.put(p.partition(), offset));
            return offsets;
        }
    }
}
