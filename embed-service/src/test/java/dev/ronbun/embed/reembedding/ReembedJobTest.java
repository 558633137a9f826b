package dev.ronbun.embed.reembedding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.embed.embedding.ChunkWeights;
import dev.ronbun.embed.embedding.PaperText;
import dev.ronbun.embed.embedding.PaperVectorizer;
import dev.ronbun.embed.embedding.TextEmbedder;
import dev.ronbun.embed.storage.PaperStore;
import dev.ronbun.embed.storage.PaperVectors;
import dev.ronbun.embed.storage.StoredVector;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The corpus was embedded with an older model ({@value #OLD_VERSION}); the service now runs the bundled model. These
 * tests arrange the database as the older model left it and follow the re-embed through the admin endpoint, the
 * database and the papers topic.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_reembed"))
class ReembedJobTest {

    private static final String OLD_MODEL = "old-model";
    private static final String OLD_VERSION = "0123456789abcdef";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);

    @Inject
    PaperStore store;

    @Inject
    PaperVectors vectors;

    @Inject
    TextEmbedder embedder;

    @Inject
    ReembedJob job;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final Random random = new Random(7);

    @BeforeEach
    void startFromAnEmptyCorpus() throws SQLException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (job.isRunning() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100)); // the run the service started with
        }
        execute("truncate papers, model_versions cascade");
    }

    @Test
    void reembedsOnlyWhatIsMissingThenSwitchesServingAndRepublishesEveryPaperWithTheNewVersion() throws Exception {
        String run = runId();
        SummaryEvent loraFirst = summary(run, "2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models", 0,
                "LoRA は事前学習済みの重みを固定し、差分を低ランク行列の積で表すことで微調整の学習パラメータを大きく減らす。");
        SummaryEvent loraSecond = summary(run, "2106.09685", "LoRA: Low-Rank Adaptation of Large Language Models", 1,
                "低ランク適応。推論時には差分を元の重みに足し込めるので、遅延が増えない点が実務で好まれている。");
        SummaryEvent mamba = summary(run, "2312.00752", "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
                2, "選択的状態空間モデル Mamba は、注意機構を使わずに長い系列を線形時間で処理する。");
        SummaryEvent ddpm = summary(run, "2006.11239", "Denoising Diffusion Probabilistic Models", 3,
                "拡散モデルはノイズを少しずつ取り除く過程を学習し、高品質な画像を生成する。");
        SummaryEvent dpo = summary(run, "2305.18290", "Direct Preference Optimization", 4,
                "DPO は報酬モデルを別に学習せず、選好データから直接方策を最適化する。");
        List<SummaryEvent> corpus = List.of(loraFirst, loraSecond, mamba, ddpm, dpo);
        corpus.forEach(this::storeWithTheOldModel);
        // An earlier run was cut short after embedding two summaries with the new model.
        PaperVectorizer vectorizer = new PaperVectorizer(embedder, ChunkWeights.defaults());
        vectors.addVectors(Map.of(
                loraFirst.summaryId(), StoredVector.of(vectorizer.vectorize(PaperText.of(loraFirst))),
                mamba.summaryId(), StoredVector.of(vectorizer.vectorize(PaperText.of(mamba)))));
        recordVersions(true);
        Map<String, String> createdBefore = vectorCreationTimes(List.of(loraFirst, mamba));
        double embeddedBefore = embeddedCount();

        given().auth().oauth2(TestTokens.admin()).post("/api/admin/reembed").then().statusCode(202);
        JsonPath progress = awaitCompletion();

        assertThat(progress.getString("state")).isEqualTo("serving");
        assertThat(progress.getString("fromVersion")).isEqualTo(OLD_VERSION);
        assertThat(progress.getString("toVersion")).isEqualTo(embedder.modelVersion());
        assertThat(progress.getLong("done")).isEqualTo(progress.getLong("total")).isGreaterThanOrEqualTo(5);
        assertThat(progress.getString("error")).isNull();
        assertThat(embeddedCount() - embeddedBefore).as("only the three summaries without a new vector are embedded")
                .isEqualTo(3);
        assertThat(vectorCreationTimes(List.of(loraFirst, mamba))).isEqualTo(createdBefore);
        assertThat(versionState(OLD_VERSION)).isEqualTo("retired");
        assertThat(versionState(embedder.modelVersion())).isEqualTo("serving");
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("ronbun_embed_reembed_summaries_done", "ronbun_embed_reembed_summaries_total",
                        "ronbun_embed_reembed_running 0.0");

        Map<String, PaperEvent> published = latestPublished(corpus, embedder.modelVersion());
        assertThat(published).hasSize(4);
        assertThat(published.values()).allSatisfy(paper -> {
            assertThat(paper.embedding().modelId()).isEqualTo(embedder.descriptor().id());
            assertThat(paper.embedding().vector()).hasSize(embedder.dimension());
        });
        assertThat(published.get(paperId(loraFirst)).summaries()).hasSize(2);
        float[] fresh = vectorizer.vectorize(PaperText.of(ddpm)).vector();
        assertThat(VectorUtil.dotProduct(published.get(paperId(ddpm)).embedding().vector(), fresh))
                .as("a re-embedded summary gets the vector the consumer would have given it")
                .isCloseTo(1.0f, within(1e-4f));
    }

    @Test
    void aSecondRunAfterTheSwitchFindsNothingToDo() throws Exception {
        String run = runId();
        List<SummaryEvent> corpus = List.of(
                summary(run, "1706.03762", "Attention Is All You Need", 0, "Transformer は注意機構だけで系列を変換する。"),
                summary(run, "1810.04805", "BERT", 1, "BERT は双方向の事前学習で文脈を捉える言語モデル。"));
        corpus.forEach(this::storeWithTheOldModel);
        recordVersions(false);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/reembed").then().statusCode(202);
        String firstCompletion = awaitCompletion().getString("completedAt");
        int publishedBefore = publishedRecords(corpus);
        double embeddedBefore = embeddedCount();

        given().auth().oauth2(TestTokens.admin()).post("/api/admin/reembed").then().statusCode(202);
        JsonPath progress = awaitCompletion();

        assertThat(progress.getString("completedAt")).isEqualTo(firstCompletion);
        assertThat(progress.getLong("done")).isEqualTo(progress.getLong("total"));
        assertThat(embeddedCount()).isEqualTo(embeddedBefore);
        sleep(Duration.ofSeconds(3));
        assertThat(publishedRecords(corpus)).isEqualTo(publishedBefore);
    }

    @Test
    void whileANewModelBuildsANewPaperWaitsForTheSwitchAndAKnownPaperKeepsItsOldVector() throws Exception {
        String run = runId();
        SummaryEvent known = summary(run, "2203.02155", "Training language models to follow instructions", 0,
                "InstructGPT は人間のフィードバックによる強化学習で指示に従うよう言語モデルを調整する。");
        storeWithTheOldModel(known);
        recordVersions(true); // as if a re-embed were running: the old version still serves
        SummaryEvent knownAgain = summary(run, "2203.02155", "Training language models to follow instructions", 1,
                "RLHF の三段階：教師あり微調整、報酬モデル、PPO による方策の最適化。");
        SummaryEvent newcomer = summary(run, "2305.14314", "QLoRA: Efficient Finetuning of Quantized LLMs", 2,
                "QLoRA は 4 ビットに量子化した基盤モデルの上で LoRA を学習し、単一 GPU での微調整を可能にする。");

        TestTopics.send(Topics.SUMMARIES.name(), knownAgain.paperKey(), EventJson.write(knownAgain));
        TestTopics.send(Topics.SUMMARIES.name(), newcomer.paperKey(), EventJson.write(newcomer));
        awaitStored(List.of(knownAgain, newcomer));

        PaperEvent knownDuringBuild = awaitPublished(paperId(known), 2);
        assertThat(knownDuringBuild.embedding().modelVersion()).isEqualTo(OLD_VERSION);
        sleep(Duration.ofSeconds(3));
        assertThat(publishedRecords(List.of(newcomer))).as("the new paper has no vector of the serving version").isZero();

        given().auth().oauth2(TestTokens.admin()).post("/api/admin/reembed").then().statusCode(202);
        awaitCompletion();

        Map<String, PaperEvent> published = latestPublished(List.of(known, newcomer), embedder.modelVersion());
        assertThat(published).containsOnlyKeys(paperId(known), paperId(newcomer));
        assertThat(published.get(paperId(known)).summaries()).hasSize(2);
    }

    private void storeWithTheOldModel(SummaryEvent event) {
        store.store(event, new StoredVector(OLD_MODEL, OLD_VERSION, randomUnitVector(), 64, 2), Map.of("言語", 1),
                corpus -> List.of());
    }

    /** The old version serves; the configured one is recorded as building when a run was under way. */
    private void recordVersions(boolean newVersionBuilding) throws SQLException {
        execute("delete from model_versions");
        execute("insert into model_versions (version, model_id, state, started_at, completed_at, done, total) "
                + "values ('" + OLD_VERSION + "', '" + OLD_MODEL + "', 'serving', now() - interval '1 day', "
                + "now() - interval '1 day', 0, 0)");
        if (newVersionBuilding) {
            execute("insert into model_versions (version, model_id, state, from_version, started_at, done, total) "
                    + "values ('" + embedder.modelVersion() + "', '" + embedder.descriptor().id() + "', 'building', '"
                    + OLD_VERSION + "', now() - interval '1 hour', 0, 0)");
        }
    }

    private static JsonPath awaitCompletion() {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath progress = given().auth().oauth2(TestTokens.admin())
                    .get("/api/admin/reembed").then().statusCode(200).extract().jsonPath();
            if (!progress.getBoolean("running")) {
                assertThat(progress.getString("error")).isNull();
                assertThat(progress.getString("completedAt")).isNotNull();
                return progress;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("the re-embed did not finish within " + JOB_TIMEOUT);
    }

    private void awaitStored(List<SummaryEvent> summaries) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long stored = 0;
            for (SummaryEvent summary : summaries) {
                stored += count("select count(*) from summary_vectors where summary_id = ? and model_version = ?",
                        summary.summaryId(), embedder.modelVersion());
            }
            if (stored == summaries.size()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("the consumer did not store " + summaries.size() + " summaries");
    }

    /** The last record of each paper, among those published with the given version. */
    private static Map<String, PaperEvent> latestPublished(List<SummaryEvent> summaries, String version) {
        Set<String> paperIds = Set.copyOf(summaries.stream().map(ReembedJobTest::paperId).toList());
        Map<String, PaperEvent> latest = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (latest.size() < paperIds.size() && System.nanoTime() < deadline) {
            latest.clear();
            TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                    .filter(r -> paperIds.contains(r.key()))
                    .map(r -> EventJson.readPaper(r.value()))
                    .forEach(paper -> latest.put(paper.paperId(), paper));
            latest.values().removeIf(paper -> !paper.embedding().modelVersion().equals(version));
        }
        return latest;
    }

    private static PaperEvent awaitPublished(String paperId, int summaries) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<PaperEvent> states = TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE, Duration.ofSeconds(2))
                    .stream().filter(r -> paperId.equals(r.key())).map(r -> EventJson.readPaper(r.value())).toList();
            if (!states.isEmpty() && states.getLast().summaries().size() >= summaries) {
                return states.getLast();
            }
        }
        throw new AssertionError("paper " + paperId + " was not published with " + summaries + " summaries");
    }

    private static int publishedRecords(List<SummaryEvent> summaries) {
        Set<String> paperIds = Set.copyOf(summaries.stream().map(ReembedJobTest::paperId).toList());
        return (int) TestTopics.read(Topics.PAPERS.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .filter(r -> paperIds.contains(r.key())).count();
    }

    private double embeddedCount() {
        return registry.get("ronbun.embed.reembed.summaries.embedded").counter().count();
    }

    private Map<String, String> vectorCreationTimes(List<SummaryEvent> summaries) throws SQLException {
        Map<String, String> times = new LinkedHashMap<>();
        for (SummaryEvent summary : summaries) {
            times.put(summary.summaryId(), text("select created_at::text from summary_vectors "
                    + "where summary_id = ? and model_version = ?", summary.summaryId(), embedder.modelVersion()));
        }
        return times;
    }

    private String versionState(String version) throws SQLException {
        return text("select state from model_versions where version = ?", version);
    }

    /** Keys are unique to the run: the papers topic is shared with other tests and earlier runs. */
    private static SummaryEvent summary(String run, String arxivId, String title, int position, String body) {
        String paperKey = "title:" + PaperIdentity.normaliseTitle(title) + " " + run;
        return new SummaryEvent(1, paperKey, run + "-" + arxivId.replace('.', '-'), "notes.txt", position,
                "structured-summary", title, null, arxivId, List.of("https://arxiv.org/abs/" + arxivId),
                List.of("A. Author"), "Aoi", "paper", LocalDate.of(2026, 1, 13), body.substring(0, 20),
                List.of(new Section("手法", body)), body, Instant.now());
    }

    private static String paperId(SummaryEvent summary) {
        return PaperIdentity.paperId(summary.paperKey());
    }

    private static String runId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private float[] randomUnitVector() {
        float[] vector = new float[512];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return VectorUtil.l2normalize(vector);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private long count(String sql, String... parameters) throws SQLException {
        return Long.parseLong(text(sql, parameters));
    }

    private String text(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
