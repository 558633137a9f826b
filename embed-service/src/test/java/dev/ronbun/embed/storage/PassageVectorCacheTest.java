package dev.ronbun.embed.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.config.EmbedConfig;
import dev.ronbun.embed.embedding.ChunkWeights;
import dev.ronbun.embed.embedding.EmbeddingMeter;
import dev.ronbun.embed.embedding.PaperText;
import dev.ronbun.embed.embedding.PaperVector;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.embed.reembedding.ReembedJob;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

/**
 * The passage vector cache: a passage seen before costs no model time and gives the vector the model gives; a vector
 * of another model version is never used, and a retired version's rows go; rows of removed summaries are dropped
 * while rows a remaining summary still uses stay.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_passage_cache"))
class PassageVectorCacheTest {

    @Inject
    TextEmbedder embedder;

    @Inject
    PassageVectorStore cache;

    @Inject
    PaperStore store;

    @Inject
    ModelVersions versions;

    @Inject
    ReembedJob reembed;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PaperVectorizer serviceVectorizer;

    @Inject
    EmbedConfig config;

    @Inject
    StoredPapers stored;

    private final CountingMeter meter = new CountingMeter();

    @Test
    void theServiceWeighsChunksWithTheConfiguredSharesWhichDefaultToChunkWeightsDefaults() {
        PaperText paper = paper("Weights " + UUID.randomUUID(), "重みを確かめる要約。", "重みを確かめる本文。");

        PaperVector service = serviceVectorizer.vectorize(paper);
        PaperVector defaults = new PaperVectorizer(embedder, ChunkWeights.defaults()).vectorize(paper);
        PaperVector titleOnly = new PaperVectorizer(embedder, new ChunkWeights(1, 0, 0)).vectorize(paper);

        assertThat(config.chunkWeights().weights()).isEqualTo(ChunkWeights.defaults());
        assertThat(VectorUtil.cosine(service.embedding().vector(), defaults.embedding().vector()))
                .isGreaterThan(0.9999f);
        assertThat(VectorUtil.cosine(service.embedding().vector(), titleOnly.embedding().vector()))
                .as("other shares give another vector").isLessThan(0.999f);
    }

    @Test
    void aPaperSeenBeforeCostsNoModelTimeAndGetsTheVectorTheModelGives() {
        PaperText paper = paper("Cache hit " + UUID.randomUUID(), "量子化でメモリ使用量を削減した。",
                "本文の段落。提案手法はKVキャッシュを量子化する。");
        PaperVectorizer cached = new PaperVectorizer(embedder, ChunkWeights.defaults(), cache, meter);

        PaperVector first = cached.vectorize(paper);
        assertThat(meter.hits.get()).isZero();
        assertThat(meter.misses.get()).isEqualTo(first.chunkCount()).isEqualTo(3);
        assertThat(meter.modelPassages.get()).isEqualTo(3);

        PaperVector second = cached.vectorize(paper);
        assertThat(meter.hits.get()).as("every passage from the cache").isEqualTo(3);
        assertThat(meter.modelPassages.get()).as("no model time the second time").isEqualTo(3);

        PaperVector computed = new PaperVectorizer(embedder, ChunkWeights.defaults()).vectorize(paper);
        assertThat(cosine(second.vector(), computed.vector())).isGreaterThanOrEqualTo(0.9999f);
        assertThat(cosine(first.vector(), computed.vector())).isGreaterThanOrEqualTo(0.9999f);
        assertThat(second.passageKeys()).isEqualTo(first.passageKeys()).hasSize(3);
    }

    @Test
    void aSecondSummaryOfAPaperEmbedsOnlyWhatIsNew() {
        String title = "Second summary " + UUID.randomUUID();
        PaperVectorizer cached = new PaperVectorizer(embedder, ChunkWeights.defaults(), cache, meter);
        cached.vectorize(paper(title, "最初の要約。", "最初の本文。"));
        int modelBefore = meter.modelPassages.get();

        PaperVector second = cached.vectorize(paper(title, "二つ目の要約。", "二つ目の本文。"));

        assertThat(meter.modelPassages.get() - modelBefore).as("summary and body, not the title").isEqualTo(2);
        PaperVector computed = new PaperVectorizer(embedder, ChunkWeights.defaults())
                .vectorize(paper(title, "二つ目の要約。", "二つ目の本文。"));
        assertThat(cosine(second.vector(), computed.vector())).isGreaterThanOrEqualTo(0.9999f);
    }

    @Test
    void aVectorOfAnotherModelVersionIsNeverUsedAndARetiredVersionsRowsGo() throws InterruptedException {
        PaperText paper = paper("Model change " + UUID.randomUUID(), "モデルを替えた。", "モデル変更の本文。");
        PaperVector computed = new PaperVectorizer(embedder, ChunkWeights.defaults()).vectorize(paper);
        String otherVersion = "other-" + UUID.randomUUID();
        float[] wrong = new float[embedder.dimension()];
        wrong[0] = 1;
        cache.remember(otherVersion, Map.of(computed.passageKeys().get(0), wrong, computed.passageKeys().get(1), wrong,
                computed.passageKeys().get(2), wrong));

        PaperVector cached = new PaperVectorizer(embedder, ChunkWeights.defaults(), cache, meter).vectorize(paper);

        assertThat(meter.hits.get()).as("the other version's rows are not this version's").isZero();
        assertThat(cosine(cached.vector(), computed.vector())).isGreaterThanOrEqualTo(0.9999f);
        assertThat(cache.count(otherVersion)).isEqualTo(3);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (reembed.isRunning() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        String serving = versions.servingVersion().orElseThrow();
        versions.startBuilding(otherVersion, "other-model", serving);
        versions.retireBuildsOtherThan(serving);
        assertThat(cache.count(otherVersion)).as("a retired version's passage vectors are dropped").isZero();
        assertThat(cache.count(embedder.modelVersion())).as("the serving version's stay").isPositive();
    }

    @Test
    void passagesEmbeddedForTheStoreAreCachedInTheStoresTransactionTogetherWithTheirLinks() throws Exception {
        String title = "Store transaction " + UUID.randomUUID();
        PaperVectorizer cached = new PaperVectorizer(embedder, ChunkWeights.defaults(), cache, meter);
        SummaryEvent event = event(title, "一緒に書かれる要約。", "一緒に書かれる本文。", "together");
        String version = embedder.modelVersion();
        assertThat(stored.arrival(event, version).isNew()).as("not stored yet").isTrue();

        PaperVector vector = cached.vectorizeForStore(PaperText.of(event));
        assertThat(vector.uncached()).as("every passage was embedded now").hasSize(3)
                .containsOnlyKeys(vector.passageKeys());
        assertThat(cache.find(version, vector.passageKeys())).as("nothing cached before the store").isEmpty();

        // A store that fails after linking (here its keyword ranking) takes the passage rows back with it.
        assertThatThrownBy(() -> store.store(event, StoredVector.of(vector), Map.of("要約", 1), view -> {
            throw new IllegalStateException("ranking failed");
        })).hasMessageContaining("ranking failed");
        assertThat(cache.find(version, vector.passageKeys())).as("rolled back with the summary").isEmpty();

        UUID paperId = store.store(event, StoredVector.of(vector), Map.of("要約", 1), view -> List.of());
        assertThat(cache.find(version, vector.passageKeys())).as("cached with the summary").hasSize(3);
        assertThat(links(event.summaryId())).as("and linked in the same transaction").isEqualTo(3);
        assertThat(stored.arrival(event, version)).as("a redelivery finds it stored")
                .isEqualTo(new SummaryArrival(false, paperId));

        int modelPassages = meter.modelPassages.get();
        PaperVector again = cached.vectorizeForStore(PaperText.of(event));
        assertThat(meter.modelPassages.get()).as("no model time the second time").isEqualTo(modelPassages);
        assertThat(again.uncached()).isEmpty();
        assertThat(cosine(again.vector(), vector.vector())).isGreaterThan(0.9999f);
    }

    private int links(String summaryId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from summary_passages where summary_id = ?")) {
            count.setString(1, summaryId);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void passagesOfRemovedSummariesAreDroppedAndThoseStillInUseStay() throws Exception {
        String title = "Deletion " + UUID.randomUUID();
        PaperVectorizer cached = new PaperVectorizer(embedder, ChunkWeights.defaults(), cache, meter);
        SummaryEvent kept = event(title, "残る要約。", "残る本文。", "kept");
        SummaryEvent removed = event(title, "消える要約。", "消える本文。", "removed");
        PaperVector keptVector = cached.vectorize(PaperText.of(kept));
        PaperVector removedVector = cached.vectorize(PaperText.of(removed));
        store.store(kept, StoredVector.of(keptVector), Map.of(), view -> List.of());
        store.store(removed, StoredVector.of(removedVector), Map.of(), view -> List.of());
        String version = embedder.modelVersion();
        assertThat(cache.find(version, removedVector.passageKeys())).hasSize(3);

        // Retraction removes the summary (its vector and passage links cascade); then the cache is tidied.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from summaries where summary_id = ?")) {
            delete.setString(1, removed.summaryId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        int dropped = cache.dropUnreferenced(removedVector.passageKeys().stream()
                .map(key -> new PassageRef(version, key)).toList());

        assertThat(dropped).isGreaterThanOrEqualTo(2);
        List<String> removedOnly = removedVector.passageKeys().stream()
                .filter(key -> !keptVector.passageKeys().contains(key)).toList();
        assertThat(removedOnly).hasSize(2);
        assertThat(cache.find(version, removedOnly)).as("the removed summary's own passages").isEmpty();
        assertThat(cache.find(version, keptVector.passageKeys())).as("the shared title and the kept summary")
                .hasSize(3);
    }

    @Test
    void theServicesVectorizerReportsCacheHitsPassagesAndModelTimeInMetrics() {
        PaperText paper = paper("Metrics " + UUID.randomUUID(), "指標を確かめる。", "指標の本文。");
        serviceVectorizer.vectorize(paper);
        serviceVectorizer.vectorize(paper);

        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metric(metrics, "ronbun_embed_passages_cache_hits_total")).isGreaterThanOrEqualTo(3);
        assertThat(metric(metrics, "ronbun_embed_passages_cache_misses_total")).isGreaterThanOrEqualTo(3);
        assertThat(metric(metrics, "ronbun_embed_passages_embedded_total")).isGreaterThanOrEqualTo(3);
        assertThat(metric(metrics, "ronbun_embed_model_seconds_total")).isPositive();
        assertThat(metric(metrics, "ronbun_embed_model_passages_per_second")).isPositive();
        assertThat(metric(metrics, "ronbun_embed_passages_cache_hit_ratio")).isBetween(0.01, 0.99);
    }

    private static double metric(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in /q/metrics"));
    }

    private static PaperText paper(String title, String summary, String body) {
        return new PaperText(title, "", summary, List.of(), body);
    }

    private static SummaryEvent event(String title, String summary, String body, String document) {
        String documentId = (document + "-" + title).repeat(8).replaceAll("[^A-Za-z0-9]", "x").substring(0, 64);
        return new SummaryEvent(1, "title:" + title, documentId, document + ".md", 0, "structured-summary", title,
                null, null, List.of(), List.of(), null, "paper", null, summary, List.of(new Section("要点", summary)),
                body, Instant.now());
    }

    private static float cosine(float[] a, float[] b) {
        return VectorUtil.cosine(a, b);
    }

    /** Counts what the vectorizer reports. */
    private static final class CountingMeter implements EmbeddingMeter {
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger misses = new AtomicInteger();
        final AtomicInteger modelPassages = new AtomicInteger();

        @Override
        public void cacheLooked(int hitCount, int missCount) {
            hits.addAndGet(hitCount);
            misses.addAndGet(missCount);
        }

        @Override
        public void modelRan(int passages, long nanos, long cpuNanos) {
            modelPassages.addAndGet(passages);
        }
    }
}
