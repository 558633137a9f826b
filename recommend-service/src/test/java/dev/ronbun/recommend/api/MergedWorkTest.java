package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A title-keyed record that embed-service merged into the arXiv-keyed paper of the same work (issue 19) arrives as the
 * paper with {@code formerIds} and a tombstone: the work is then listed, found and related once, and a reader's
 * history on the former record belongs to the paper.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class MergedWorkTest {

    static final String KIND = "merged-work-test";
    static final String TITLE = "Self-RAG: Learning to Retrieve, Generate, and Critique through Self-Reflection";

    static final PaperEvent TITLE_ONLY = paper("title:self rag learning to retrieve generate and critique", TITLE)
            .kind(KIND).vector(0.75f, -0.55f, 0.35f).presenter("Haruka")
            .text("検索が必要かどうかをモデル自身が反省トークンで判断し、必要なときだけ検索する。").build();
    static final PaperEvent RAG = paper("arxiv:2005.11401",
            "Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks").arxiv("2005.11401").kind(KIND)
            .vector(0.8f, -0.5f, 0.3f).text("検索した文書を条件にして生成する検索拡張生成 RAG。").build();
    static final PaperEvent LINKED = paper("arxiv:2310.11511", TITLE).arxiv("2310.11511").kind(KIND)
            .vector(0.78f, -0.52f, 0.33f).text("反省トークンで検索の要否と生成の根拠を判断する Self-RAG の構造化要約。").build();

    @Test
    void aMergedTitleRecordLeavesTheIndexAndItsReadersHistoryMovesToTheWork() {
        TestPapers.publishAndAwait(TITLE_ONLY, RAG);
        String reader = "reader-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body("{\"paperId\":\"" + TITLE_ONLY.paperId() + "\",\"type\":\"saved\"}")
                .when().post("/api/readers/{reader}/events", reader).then().statusCode(202);
        TestPapers.await("the reader's bookmark", () -> historyPaperIds(reader).size() == 1);

        PaperEvent merged = TestPapers.mergedInto(LINKED, TITLE_ONLY);
        TestPapers.publishAndAwait(merged);
        TestTopics.send(Topics.PAPERS.name(), TITLE_ONLY.paperId(), null);

        TestPapers.await("the reader's history to move", () -> historyPaperIds(reader).equals(List.of(LINKED.paperId())));
        // A link made before the merge answers with the work.
        assertThat(given().auth().oauth2(TestTokens.reader("any-reader")).when()
                .get("/api/papers/{id}", TITLE_ONLY.paperId()).then().statusCode(200).extract().jsonPath()
                .getString("paperId")).isEqualTo(LINKED.paperId());
        assertThat(given().auth().oauth2(TestTokens.reader("any-reader")).when()
                .get("/api/papers/{id}", LINKED.paperId()).then().statusCode(200).extract().jsonPath()
                .getList("summaries.format", String.class)).containsExactly("structured-summary", "study-group-notes");

        // A reading event that still names the former record (a page opened before the merge) counts for the work.
        ReadingEvent stale = new ReadingEvent(ReadingEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), reader,
                TITLE_ONLY.paperId(), ReadingType.READ, 300, Instant.now());
        TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(stale));
        TestPapers.await("the stale event to land on the work", () -> historyPaperIds(reader).size() == 2);
        assertThat(historyPaperIds(reader)).containsOnly(LINKED.paperId());
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body("{\"paperId\":\"" + TITLE_ONLY.paperId() + "\",\"type\":\"liked\"}")
                .when().post("/api/readers/{reader}/events", reader).then().statusCode(202)
                .body("paperId", org.hamcrest.Matchers.equalTo(LINKED.paperId()));
        TestPapers.await("the liked event on the work", () -> historyPaperIds(reader).size() == 3);
        assertThat(historyPaperIds(reader)).containsOnly(LINKED.paperId());

        List<String> listed = given().auth().oauth2(TestTokens.reader("any-reader")).queryParam("kind", KIND)
                .when().get("/api/papers").then().statusCode(200).extract().jsonPath()
                .getList("items.paperId", String.class);
        assertThat(listed).containsExactlyInAnyOrder(LINKED.paperId(), RAG.paperId());
        List<String> found = given().auth().oauth2(TestTokens.reader("any-reader")).queryParam("q", "反省トークン")
                .queryParam("kind", KIND).when().get("/api/search").then().statusCode(200).extract().jsonPath()
                .getList("items.paperId", String.class);
        assertThat(found).containsOnlyOnce(LINKED.paperId()).doesNotContain(TITLE_ONLY.paperId());
        List<String> related = given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("k", 20).when().get("/api/papers/{id}/related", RAG.paperId()).then().statusCode(200).extract().jsonPath()
                .getList("items.paperId", String.class);
        assertThat(related).containsOnlyOnce(LINKED.paperId()).doesNotContain(TITLE_ONLY.paperId());
    }

    /** The paper as embed-service publishes it after the merge: both summaries, the former record's id. */
    private static List<String> historyPaperIds(String reader) {
        return given().auth().oauth2(TestTokens.reader(reader)).when().get("/api/readers/{reader}/history", reader)
                .then().statusCode(200).extract().jsonPath().getList("items.paperId", String.class);
    }
}
