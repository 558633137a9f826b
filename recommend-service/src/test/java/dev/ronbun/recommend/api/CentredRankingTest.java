package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.VectorCentre;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ranking through the API once the index centres vectors (see {@link VectorCentre}): papers of two topics inside a
 * narrow cone, as the bundled model embeds papers, so that raw cosines across topics are above 0.9. Runs in an
 * application start of its own, so that the other tests' small indexes stay below the centring threshold.
 */
@QuarkusTest
@TestProfile(CentredRankingTest.OwnStart.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class CentredRankingTest {

    public static class OwnStart implements QuarkusTestProfile {
    }

    static final String KIND = "centred-test";
    /**
     * A model of their own, and the newest papers: the index centres with the current model's mean, which is then
     * the mean of these papers alone, whatever other tests left in the topic this start replays.
     */
    static final String MODEL_VERSION = "cone-v1";
    static final List<PaperEvent> DIFFUSION = IntStream.range(0, 30).mapToObj(i -> coned("centred:df" + i,
            "Diffusion DF" + i, 0.3f, (i % 7) * 0.01f, "スコアマッチングで雑音を段階的に取り除く生成手法 DF" + i + "。"))
            .toList();
    static final List<PaperEvent> DISTILLATION = IntStream.range(0, 30).mapToObj(i -> coned("centred:kd" + i,
            "Distillation KD" + i, (i % 7) * 0.01f, 0.3f, "教師の出力分布を生徒が模倣する圧縮手法 KD" + i + "。"))
            .toList();

    private static PaperEvent coned(String key, String title, float x, float y, String text) {
        PaperEvent paper = paper(key, title).kind(KIND).vector(x, y, 1f).text(text)
                .updated(Instant.now().plus(Duration.ofHours(1))).build();
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(),
                paper.titleJa(), paper.arxivId(), paper.urls(), paper.authors(), paper.kind(), paper.summaries(),
                paper.keywords(), new PaperEmbedding(TestPapers.MODEL, MODEL_VERSION, paper.embedding().vector()),
                paper.firstSeenAt(), paper.updatedAt());
    }

    private static boolean published;

    @Inject
    PaperIndexReader index;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(java.util.stream.Stream.concat(DIFFUSION.stream(), DISTILLATION.stream())
                    .toArray(PaperEvent[]::new));
        }
    }

    /**
     * Tombstones this class's papers: they are the newest papers, of a model of their own, so left on the topic they
     * would name the serving model for every later application start of the suite, and the other classes' papers
     * (another model) would drop out of their rankings: the suite's outcome would hang on the order of its classes.
     */
    @AfterAll
    static void withdrawThePapers() {
        if (!published) {
            return;
        }
        // The application is already stopped here; the next start reads the tombstones from the topic.
        java.util.stream.Stream.concat(DIFFUSION.stream(), DISTILLATION.stream())
                .forEach(paper -> TestTopics.send(Topics.PAPERS.name(), paper.paperId(), null));
    }

    @Test
    void theIndexCentresOnceItHoldsEnoughPapersOfTheModel() {
        assertThat(index.size()).isGreaterThanOrEqualTo(VectorCentre.MIN_PAPERS);
        assertThat(index.centre().isActive()).isTrue();
        assertThat(index.centre().model()).isEqualTo(MODEL_VERSION);
    }

    @Test
    void aDismissedPaperPushesAwayItsTopicNotEveryPaperInTheCone() {
        String reader = RecommendationsTest.newReader();
        RecommendationsTest.send(reader, DIFFUSION.get(0), "read");
        RecommendationsTest.send(reader, DIFFUSION.get(2), "read");
        RecommendationsTest.send(reader, DISTILLATION.get(1), "dismissed");
        ReadingEventsTest.awaitHistory(reader, 3);

        JsonPath recommended = RecommendationsTest.recommendations(reader, KIND, 10);

        List<Map<String, Object>> items = recommended.getList("items");
        assertThat(items).hasSize(10);
        for (Map<String, Object> item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Number> parts = (Map<String, Number>) item.get("scoreParts");
            boolean diffusion = item.get("title").toString().startsWith("Diffusion");
            assertThat(parts.get("dismissed").doubleValue()).as(item.get("title").toString())
                    .isGreaterThan(diffusion ? -0.05 : -1).isLessThanOrEqualTo(diffusion ? 0 : -0.2);
        }
        assertThat(items.getFirst().get("title").toString()).startsWith("Diffusion");
    }

    @Test
    void relatedPapersScoreCentredCosinesAndStayInTheTopic() {
        JsonPath related = given().auth().oauth2(TestTokens.reader("any-reader")).queryParam("k", 5)
                .when().get("/api/papers/{id}/related", DIFFUSION.get(3).paperId())
                .then().statusCode(200).extract().jsonPath();

        List<String> titles = related.getList("items.title", String.class);
        assertThat(titles).hasSize(5).noneMatch(title -> title.startsWith("Distillation"));
        List<Float> vectorParts = related.getList("items.scoreParts.vector", Float.class);
        for (int i = 0; i < titles.size(); i++) {
            if (titles.get(i).startsWith("Diffusion")) {
                assertThat(vectorParts.get(i)).as(titles.get(i)).isGreaterThan(0.5f);
            }
        }
        assertThat(titles).anyMatch(title -> title.startsWith("Diffusion"));
    }

    @Test
    void theExportKeepsTheVectorsAsEmbedded() {
        String body = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/admin/papers.jsonl").then().statusCode(200).extract().asString();

        PaperEvent exported = body.lines().map(EventJson::readPaper)
                .filter(p -> p.paperId().equals(DISTILLATION.get(4).paperId())).findFirst().orElseThrow();
        // given back from the stored centred direction and the distance to the mean: equal to float rounding, and far
        // from the centred vector
        assertThat(exported.embedding().vector()).containsExactly(DISTILLATION.get(4).embedding().vector(),
                within(1e-6f));
    }
}
