package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search and keyword interests with embed-service answering (a stub that embeds every query near (0, 0, 1)). */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
@QuarkusTestResource(value = EmbeddingServiceStub.class, restrictToAnnotatedClass = true)
class FusedSearchTest {

    static final String KIND = "fused-search-test";

    /** Matches the query's words but lies far from the query vector. */
    static final PaperEvent BY_WORDS = paper("fused:words", "Speculative Decoding").kind(KIND).vector(1f, 0f, 0f)
            .text("投機的デコーディングで推論を速くする。").build();
    /** Shares no word with the query but lies next to its vector. */
    static final PaperEvent BY_MEANING = paper("fused:meaning", "Medusa Heads").kind(KIND).vector(0.1f, 0.1f, 1f)
            .text("複数の予測ヘッドで次のトークンをまとめて出す。").build();
    /** Both. */
    static final PaperEvent BY_BOTH = paper("fused:both", "Lookahead Decoding").titleJa("草稿なしの投機的デコーディング")
            .kind(KIND).vector(0.2f, 0.1f, 1f).text("投機的デコーディングを草稿モデルなしで行う。投機的デコーディングの改良。")
            .build();

    /** Shares no word with the query and points away from its vector: kNN returns it, but it is no match. */
    static final PaperEvent FAR = paper("fused:far", "Protein Folding").kind(KIND).vector(-0.1f, -0.1f, -1f)
            .text("タンパク質の立体構造を予測する。").build();

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(BY_WORDS, BY_MEANING, BY_BOTH, FAR);
        }
    }

    @Test
    void searchFusesBm25WithTheQueryVectorFromEmbedService() {
        JsonPath found = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("q", "投機的デコーディング").queryParam("kind", KIND)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();

        assertThat(found.getList("signals", String.class)).containsExactly("bm25", "vector");
        assertThat(found.getString("notice")).isNull();
        List<String> ids = found.getList("items.paperId", String.class);
        assertThat(ids.getFirst()).isEqualTo(BY_BOTH.paperId());
        assertThat(ids).contains(BY_WORDS.paperId(), BY_MEANING.paperId());
        int meaning = ids.indexOf(BY_MEANING.paperId());
        assertThat(found.getFloat("items[" + meaning + "].scoreParts.bm25")).isZero();
        assertThat(found.getFloat("items[" + meaning + "].scoreParts.vector")).isGreaterThan(0.99f);
        assertThat(found.getString("items[" + meaning + "].why")).contains("意味が近い");
    }

    @Test
    void aPaperOnlyTheVectorFindsCountsOnlyAboveTheRelevanceCutOff() {
        JsonPath found = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("q", "投機的デコーディング").queryParam("kind", KIND)
                .when().get("/api/search").then().statusCode(200).extract().jsonPath();

        List<String> ids = found.getList("items.paperId", String.class);
        assertThat(ids).containsExactlyInAnyOrder(BY_BOTH.paperId(), BY_WORDS.paperId(), BY_MEANING.paperId());
        assertThat(found.getInt("total")).isEqualTo(3);
    }

    @Test
    void aChosenKeywordThatNoTextContainsStillFindsPapersThroughItsVector() {
        String reader = "reader-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON).body("{\"keywords\":[\"音楽生成\"]}")
                .when().put("/api/readers/{reader}/interests", reader).then().statusCode(200);

        JsonPath recommended = given().auth().oauth2(TestTokens.reader(reader))
                .queryParam("kind", KIND).queryParam("k", 3)
                .when().get("/api/readers/{reader}/recommendations", reader).then().statusCode(200)
                .extract().jsonPath();

        assertThat(recommended.getString("items[0].paperId")).isEqualTo(BY_MEANING.paperId());
        assertThat(recommended.getFloat("items[0].scoreParts.bm25")).isZero();
        assertThat(recommended.getFloat("items[0].scoreParts.vector")).isGreaterThan(0.99f);
        assertThat(recommended.getString("items[0].why")).contains("「音楽生成」に興味があるあなたに");
    }
}
