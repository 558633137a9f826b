package dev.ronbun.recommend.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class PaperResourceTest {

    static final String DIFFUSION = PaperIdentity.paperId("arxiv:2006.11239");
    static final String LATENT_DIFFUSION = PaperIdentity.paperId("arxiv:2112.10752");
    static final String DISTILLATION = PaperIdentity.paperId("arxiv:1503.02531");
    static final String RETRIEVAL = PaperIdentity.paperId("arxiv:2005.11401");

    private static boolean published;

    @BeforeEach
    void publishPapersToTheCompactedTopicOnce() {
        if (published) {
            return;
        }
        published = true;
        publish(paper(DIFFUSION, "Denoising Diffusion Probabilistic Models", vector(1.0f, 0.10f, 0.0f), "拡散モデル", "画像生成"));
        publish(paper(LATENT_DIFFUSION, "High-Resolution Image Synthesis with Latent Diffusion Models",
                vector(0.95f, 0.30f, 0.0f), "拡散モデル", "潜在空間"));
        publish(paper(DISTILLATION, "Distilling the Knowledge in a Neural Network", vector(0.3f, 0.9f, 0.2f), "知識蒸留"));
        publish(paper(RETRIEVAL, "Retrieval-Augmented Generation", vector(0.0f, 0.2f, 1.0f), "検索拡張生成"));
        awaitIndexed(4);
    }

    @Test
    void listsIndexedPapersWithTotal() {
        given().queryParam("size", 2).when().get("/api/papers").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(4))
                .body("items.size()", equalTo(2))
                .body("items[0].paperId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void relatedPapersAreTheNearestOthersFirstWithScoreAndWhy() {
        JsonPath related = given().queryParam("k", 2).when().get("/api/papers/{id}/related", DIFFUSION)
                .then().statusCode(200)
                .body("items.paperId", not(hasItem(DIFFUSION)))
                .extract().jsonPath();

        assertThat(related.getList("items.paperId")).containsExactly(LATENT_DIFFUSION, DISTILLATION);
        List<Float> scores = related.getList("items.score", Float.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(related.getString("items[0].why")).contains("拡散モデル");
        assertThat(related.getString("items[0].title")).isEqualTo("High-Resolution Image Synthesis with Latent Diffusion Models");
    }

    @Test
    void unknownPaperIsA404Problem() {
        given().when().get("/api/papers/{id}/related", "no-such-paper").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", org.hamcrest.Matchers.containsString("no-such-paper"));
    }

    @Test
    void outOfRangeParametersAre400Problems() {
        given().queryParam("k", 0).when().get("/api/papers/{id}/related", DIFFUSION).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("from", "last tuesday").when().get("/api/papers").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("ISO date"));
    }

    @Test
    void aRecordThatIsNotAPaperGoesToTheDeadLetterTopicWithTheReason() {
        TestTopics.send(Topics.PAPERS.name(), "broken", "{\"schemaVersion\":1,\"paperId\":\"x\"}");

        List<ConsumerRecord<String, String>> dead = TestTopics.read(Topics.PAPERS.deadLetter(), 1, Duration.ofSeconds(30));

        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().key()).isEqualTo("broken");
        assertThat(TestTopics.header(dead.getFirst(), Topics.DEAD_LETTER_REASON_HEADER)).contains("no embedding vector");
        // and the consumer keeps going: a valid paper sent afterwards is indexed
        String later = PaperIdentity.paperId("arxiv:1706.03762");
        publish(paper(later, "Attention Is All You Need", vector(0.1f, 0.1f, 0.9f), "注意機構"));
        awaitPresent(later);
    }

    private static void publish(PaperEvent paper) {
        TestTopics.send(Topics.PAPERS.name(), paper.paperId(), EventJson.write(paper));
    }

    private static void awaitIndexed(int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            int total = given().when().get("/api/papers").then().extract().path("total");
            if (total >= atLeast) {
                return;
            }
            sleep();
        }
        throw new AssertionError("papers were not indexed within 60 s");
    }

    private static void awaitPresent(String paperId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().when().get("/api/papers/{id}", paperId).statusCode() == 200) {
                return;
            }
            sleep();
        }
        throw new AssertionError("paper " + paperId + " was not indexed within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static float[] vector(float a, float b, float c) {
        float norm = (float) Math.sqrt(a * a + b * b + c * c);
        return new float[] {a / norm, b / norm, c / norm};
    }

    static PaperEvent paper(String paperId, String title, float[] vector, String... keywords) {
        Instant now = Instant.now();
        PaperSummary summary = new PaperSummary("doc#0", "d".repeat(64), "notes.txt", "structured-summary", "Aoi",
                LocalDate.of(2026, 1, 13), title + " の要約", List.of(), title + " について。");
        return new PaperEvent(1, paperId, "arxiv:" + paperId, title, null, null, List.of(), List.of("A. Author"),
                "paper", List.of(summary), java.util.Arrays.stream(keywords).map(k -> new Keyword(k, 1.0)).toList(),
                new PaperEmbedding("test-model", "v1", vector), now, now);
    }
}
