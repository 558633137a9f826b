package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class RecommendationsTest {

    static final String KIND = "recommendations-test";
    static final String COLD = "cold-start-test";

    static final PaperEvent A1 = diffusion("a1", "Denoising Diffusion Probabilistic Models", 1f, 0.05f, 0f);
    static final PaperEvent A2 = diffusion("a2", "Improved Denoising Diffusion", 1f, 0.1f, 0.05f);
    static final PaperEvent A3 = diffusion("a3", "Latent Diffusion Models", 0.95f, 0.15f, 0f);
    static final PaperEvent A4 = diffusion("a4", "Classifier-Free Diffusion Guidance", 0.9f, 0f, 0.2f);
    static final PaperEvent B1 = distillation("b1", "Distilling the Knowledge in a Neural Network", 0.05f, 1f, 0f);
    static final PaperEvent B2 = distillation("b2", "DistilBERT", 0.1f, 0.95f, 0.1f);
    static final PaperEvent B3 = distillation("b3", "TinyBERT", 0f, 0.9f, 0.2f);
    static final PaperEvent C1 = retrieval("c1", "Retrieval-Augmented Generation", 0f, 0.1f, 1f);
    static final PaperEvent C2 = retrieval("c2", "Self-RAG", 0.1f, 0f, 0.95f);

    static final PaperEvent OLD = paper("cold:old", "An Old Paper").kind(COLD).vector(1f, 1f, 0f)
            .firstSeen(Instant.now().minus(Duration.ofDays(400))).build();
    static final PaperEvent NEW_1 = paper("cold:new-1", "A New Paper").kind(COLD).vector(0f, 1f, 1f)
            .firstSeen(Instant.now().minus(Duration.ofHours(1))).build();
    static final PaperEvent NEW_2 = paper("cold:new-2", "Another New Paper").kind(COLD).vector(1f, 0f, 1f)
            .firstSeen(Instant.now().minus(Duration.ofHours(2))).build();
    static final PaperEvent POPULAR = paper("cold:popular", "A Widely Read Paper").kind(COLD).vector(1f, 1f, 1f)
            .firstSeen(Instant.now().minus(Duration.ofDays(10))).build();

    private static boolean published;

    @BeforeEach
    void publishPapersOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(A1, A2, A3, A4, B1, B2, B3, C1, C2, OLD, NEW_1, NEW_2, POPULAR);
        }
    }

    @Test
    void recommendationsExcludeWhatTheReaderReadOrDismissedAndSayWhy() {
        String reader = newReader();
        send(reader, A1, "read");
        send(reader, A2, "dismissed");
        ReadingEventsTest.awaitHistory(reader, 2);

        JsonPath recommended = recommendations(reader, KIND, 10);

        List<String> ids = recommended.getList("items.paperId", String.class);
        assertThat(ids).doesNotContain(A1.paperId(), A2.paperId()).hasSize(7);
        assertThat(ids.getFirst()).isIn(A3.paperId(), A4.paperId());
        assertThat(recommended.getString("items[0].why"))
                .contains("「Denoising Diffusion Probabilistic Models」を読んだあなたに");
        assertThat(recommended.getMap("items[0].scoreParts")).containsKeys("vector", "bm25", "dismissed");
    }

    @Test
    void aDismissedPaperPushesSimilarPapersDown() {
        String reader = newReader();
        send(reader, A1, "read");
        ReadingEventsTest.awaitHistory(reader, 1);
        int before = recommendations(reader, KIND, 10).getList("items.paperId", String.class).indexOf(A2.paperId());

        send(reader, A3, "dismissed");
        ReadingEventsTest.awaitHistory(reader, 2);
        JsonPath after = recommendations(reader, KIND, 10);

        List<String> ids = after.getList("items.paperId", String.class);
        assertThat(ids.indexOf(A2.paperId())).isGreaterThanOrEqualTo(before);
        assertThat(after.getFloat("items[" + ids.indexOf(A2.paperId()) + "].scoreParts.dismissed")).isNegative();
    }

    @Test
    void aLikeChangesTheRecommendationsTowardsThePaperLiked() {
        String reader = newReader();
        send(reader, A1, "read");
        ReadingEventsTest.awaitHistory(reader, 1);
        List<String> before = recommendations(reader, KIND, 5).getList("items.paperId", String.class);

        send(reader, C1, "liked");
        ReadingEventsTest.awaitHistory(reader, 2);
        JsonPath after = recommendations(reader, KIND, 5);

        List<String> ids = after.getList("items.paperId", String.class);
        assertThat(ids).isNotEqualTo(before).doesNotContain(C1.paperId());
        assertThat(before.getFirst()).isNotEqualTo(C2.paperId());
        assertThat(ids.getFirst()).isEqualTo(C2.paperId());
        assertThat(after.getString("items[0].why")).contains("「Retrieval-Augmented Generation」を気に入ったあなたに");
    }

    @Test
    void aHistoryWithSeveralInterestsGetsRecommendationsFromEach() {
        String reader = newReader();
        send(reader, A1, "read");
        send(reader, A2, "read");
        send(reader, B1, "read");
        ReadingEventsTest.awaitHistory(reader, 3);

        List<String> top = recommendations(reader, KIND, 4).getList("items.paperId", String.class);

        assertThat(top).containsAnyOf(A3.paperId(), A4.paperId()).containsAnyOf(B2.paperId(), B3.paperId());
    }

    @Test
    void aNewReaderGetsRecentPapersFirst() {
        JsonPath recommended = recommendations(newReader(), COLD, 10);

        List<String> ids = recommended.getList("items.paperId", String.class);
        assertThat(ids).hasSize(4);
        assertThat(ids.getLast()).isEqualTo(OLD.paperId());
        assertThat(ids.indexOf(NEW_1.paperId())).isLessThan(ids.indexOf(NEW_2.paperId()));
        int newest = ids.indexOf(NEW_1.paperId());
        assertThat(recommended.getString("items[" + newest + "].why")).contains("新着論文");
        assertThat(recommended.getMap("items[" + newest + "].scoreParts")).containsKeys("recency", "popularity");
    }

    @Test
    void aWidelyReadPaperRisesForANewReader() {
        for (int i = 0; i < 3; i++) {
            String other = newReader();
            send(other, POPULAR, "read");
            ReadingEventsTest.awaitHistory(other, 1);
        }

        JsonPath recommended = recommendations(newReader(), COLD, 10);

        assertThat(recommended.getString("items[0].paperId")).isEqualTo(POPULAR.paperId());
        assertThat(recommended.getString("items[0].why")).contains("3人の読者が読んでいます");
    }

    @Test
    void chosenKeywordsSeedTheRecommendationsOfANewReader() {
        String reader = newReader();
        given().auth().oauth2(TestTokens.reader(reader))
                .contentType(ContentType.JSON).body("{\"keywords\":[\"知識蒸留\", \" 知識蒸留 \"]}")
                .when().put("/api/readers/{reader}/interests", reader)
                .then().statusCode(200).body("keywords", equalTo(List.of("知識蒸留")));
        given().auth().oauth2(TestTokens.reader(reader)).when().get("/api/readers/{reader}/interests", reader)
                .then().statusCode(200).body("keywords", equalTo(List.of("知識蒸留")));

        JsonPath recommended = recommendations(reader, KIND, 3);

        assertThat(Set.copyOf(recommended.getList("items.paperId", String.class)))
                .isEqualTo(Set.of(B1.paperId(), B2.paperId(), B3.paperId()));
        assertThat(recommended.getString("items[0].why")).contains("「知識蒸留」に興味があるあなたに");
    }

    @Test
    void malformedInterestsAre400Problems() {
        for (String body : List.of("{\"keywords\":\"知識蒸留\"}", "{}", "{\"keywords\":[\"\"]}", "nope")) {
            given().auth().oauth2(TestTokens.reader("reader-400")).contentType(ContentType.JSON).body(body)
                    .when().put("/api/readers/{reader}/interests", "reader-400")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    static void send(String reader, PaperEvent paper, String type) {
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body("{\"paperId\":\"" + paper.paperId() + "\",\"type\":\"" + type + "\"}")
                .when().post("/api/readers/{reader}/events", reader).then().statusCode(202);
    }

    static JsonPath recommendations(String reader, String kind, int k) {
        return given().auth().oauth2(TestTokens.reader(reader)).queryParam("kind", kind).queryParam("k", k)
                .when().get("/api/readers/{reader}/recommendations", reader)
                .then().statusCode(200).extract().jsonPath();
    }

    static String newReader() {
        return "reader-" + UUID.randomUUID();
    }

    private static PaperEvent diffusion(String key, String title, float a, float b, float c) {
        return paper("rec:" + key, title).kind(KIND).vector(a, b, c).keywords("拡散モデル")
                .text("拡散モデルでノイズを除去しながら画像を生成する。" + title).build();
    }

    private static PaperEvent distillation(String key, String title, float a, float b, float c) {
        return paper("rec:" + key, title).kind(KIND).vector(a, b, c).keywords("知識蒸留")
                .text("知識蒸留で大きな教師モデルから小さな生徒モデルを学習する。" + title).build();
    }

    private static PaperEvent retrieval(String key, String title, float a, float b, float c) {
        return paper("rec:" + key, title).kind(KIND).vector(a, b, c).keywords("検索拡張生成")
                .text("外部の文書を検索して回答の生成に使う。" + title).build();
    }
}
