package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reading events behind the cards' 興味なし, この話題を減らす and 元に戻す (issue 20): {@code undismissed} takes a
 * dismissal back (the paper may be recommended again), and {@code less_of_topic} pushes papers like the paper away
 * twice as hard as a dismissal does.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class DismissalUndoTest {

    static final String KIND = "dismissal-undo-test";
    // Ids of this class alone: the suite's test classes share one database.
    static final TestPapers.Builder JAMBA = paper("arxiv:2403.19887", "Jamba: A Hybrid Transformer-Mamba Language Model")
            .arxiv("2403.19887").kind(KIND).vector(0.9f, 0.1f, -0.3f).keywords("ハイブリッド言語モデル");
    static final TestPapers.Builder MOE_MAMBA = paper("arxiv:2401.04081", "MoE-Mamba: Efficient Selective State Space "
            + "Models with Mixture of Experts").arxiv("2401.04081").kind(KIND).vector(0.85f, 0.2f, -0.35f)
            .keywords("ハイブリッド言語モデル");
    static final TestPapers.Builder ZAMBA = paper("arxiv:2406.06484", "Parallelizing Linear Transformers with the Delta "
            + "Rule over Sequence Length").arxiv("2406.06484").kind(KIND).vector(0.8f, 0.25f, -0.4f)
            .keywords("ハイブリッド言語モデル");
    static final TestPapers.Builder BASED = paper("arxiv:2402.18668", "Simple linear attention language models balance "
            + "the recall-throughput tradeoff").arxiv("2402.18668").kind(KIND).vector(0.75f, 0.3f, -0.45f)
            .keywords("ハイブリッド言語モデル");

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            TestPapers.publishAndAwait(JAMBA.build(), MOE_MAMBA.build(), ZAMBA.build(), BASED.build());
            published = true;
        }
    }

    @Test
    void anUndismissedPaperIsRecommendedAgain() {
        String reader = "undismisser-" + UUID.randomUUID();
        event(reader, JAMBA.id(), "liked");
        TestPapers.await("the like in the profile", () -> recommended(reader).contains(MOE_MAMBA.id()));

        event(reader, MOE_MAMBA.id(), "dismissed");
        TestPapers.await("the dismissal in the profile", () -> !recommended(reader).contains(MOE_MAMBA.id()));
        List<String> whileDismissed = recommended(reader);
        event(reader, MOE_MAMBA.id(), "undismissed");
        TestPapers.await("the undo in the profile", () -> recommended(reader).contains(MOE_MAMBA.id()));

        assertThat(whileDismissed).contains(ZAMBA.id(), BASED.id()).doesNotContain(MOE_MAMBA.id(), JAMBA.id());
        assertThat(recommended(reader)).contains(MOE_MAMBA.id(), ZAMBA.id(), BASED.id()).doesNotContain(JAMBA.id());
    }

    @Test
    void lessOfThisTopicPushesSimilarPapersTwiceAsHardAsADismissal() {
        String dismisser = "dismisser-" + UUID.randomUUID();
        String lessOfTopic = "less-of-topic-" + UUID.randomUUID();
        for (String reader : List.of(dismisser, lessOfTopic)) {
            event(reader, JAMBA.id(), "liked");
        }
        event(dismisser, MOE_MAMBA.id(), "dismissed");
        event(lessOfTopic, MOE_MAMBA.id(), "less_of_topic");
        TestPapers.await("both pushes in the profiles",
                () -> penalty(dismisser, ZAMBA.id()) < 0 && penalty(lessOfTopic, ZAMBA.id()) < 0);

        for (TestPapers.Builder similar : List.of(ZAMBA, BASED)) {
            assertThat(penalty(lessOfTopic, similar.id()) / penalty(dismisser, similar.id()))
                    .as("penalty ratio for %s", similar.id()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-3));
        }
        assertThat(recommended(lessOfTopic)).doesNotContain(MOE_MAMBA.id());
    }

    private static void event(String reader, String paperId, String type) {
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body(Map.of("paperId", paperId, "type", type))
                .when().post("/api/readers/{id}/events", reader).then().statusCode(202);
    }

    private static JsonPath recommendations(String reader) {
        return given().auth().oauth2(TestTokens.reader(reader)).queryParam("kind", KIND).queryParam("k", 10)
                .when().get("/api/readers/{id}/recommendations", reader).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> recommended(String reader) {
        return recommendations(reader).getList("items.paperId", String.class);
    }

    /** The 'dismissed' part of the paper's score (0 or negative), or 0 when it is not recommended. */
    private static double penalty(String reader, String paperId) {
        List<Map<String, Object>> items = recommendations(reader).getList("items");
        return items.stream().filter(item -> paperId.equals(item.get("paperId"))).findFirst()
                .map(item -> ((Map<?, ?>) item.get("scoreParts")).get("dismissed"))
                .map(value -> ((Number) value).doubleValue()).orElse(0.0);
    }
}
