package dev.ronbun.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** DELETE /api/documents/{documentId}: a curator takes a document back, against the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class DocumentRetractionTest {

    private static final String DOCUMENT = """
            # Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks (retraction test)
            [View Paper](https://arxiv.org/abs/2005.11401)

            ## 1. 先行研究では何ができなかったのか
            パラメータに埋め込んだ知識だけでは更新も出典の提示もできなかった。

            ## 8. この論文を140字以内のツイートで要約すると？
            検索した文書を条件に生成する RAG で知識集約タスクの精度を上げた。
            """;

    @Test
    void retractingADocumentPublishesItsRetractionAndTheSameBytesAreAcceptedAgain() {
        String documentId = post(DOCUMENT).then().statusCode(202).extract().path("documentId");
        post(DOCUMENT).then().statusCode(200).body("duplicate", equalTo(true));

        given().auth().oauth2(TestTokens.curator())
                .when().delete("/api/documents/" + documentId)
                .then().statusCode(202)
                .body("documentId", equalTo(documentId))
                .body("paperKeys", equalTo(List.of("arxiv:2005.11401")));

        List<DocumentRetraction> retractions = TestTopics.read(Topics.DOCUMENT_RETRACTIONS.name(), Integer.MAX_VALUE,
                        Duration.ofSeconds(5)).stream()
                .filter(r -> documentId.equals(r.key()))
                .map(ConsumerRecord::value).map(EventJson::readRetraction).toList();
        assertThat(retractions).singleElement().satisfies(r -> {
            assertThat(r.paperKeys()).containsExactly("arxiv:2005.11401");
            assertThat(r.retractedAt()).isNotNull();
        });

        post(DOCUMENT).then().statusCode(202).body("duplicate", equalTo(false))
                .body("documentId", equalTo(documentId));
    }

    @Test
    void aSecondDeleteOfTheSameDocumentIsNotFound() {
        String document = DOCUMENT.replace("(retraction test)", "(deleted twice)").replace("2005.11401", "2005.21401");
        String documentId = post(document).then().statusCode(202).extract().path("documentId");
        given().auth().oauth2(TestTokens.curator()).when().delete("/api/documents/" + documentId)
                .then().statusCode(202);

        given().auth().oauth2(TestTokens.curator()).when().delete("/api/documents/" + documentId)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/unknown-document"));
    }

    @Test
    void anUnknownOrMalformedDocumentIdIsNotFoundAsProblemJson() {
        given().auth().oauth2(TestTokens.curator()).when().delete("/api/documents/" + "ab".repeat(32))
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/unknown-document"));
        given().auth().oauth2(TestTokens.curator()).when().delete("/api/documents/not-a-hash%3Cscript%3E")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/unknown-document"));
    }

    @Test
    void onlyCuratorsAndAdminsMayRetractADocument() {
        String document = DOCUMENT.replace("(retraction test)", "(guarded)").replace("2005.11401", "2005.31401");
        String documentId = post(document).then().statusCode(202).extract().path("documentId");

        given().when().delete("/api/documents/" + documentId).then().statusCode(401);
        given().auth().oauth2(TestTokens.reader("aoi")).when().delete("/api/documents/" + documentId)
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        // the refused calls changed nothing: the document is still recorded, and an admin may retract it
        post(document).then().statusCode(200).body("duplicate", equalTo(true));
        given().auth().oauth2(TestTokens.admin()).when().delete("/api/documents/" + documentId)
                .then().statusCode(202);
    }

    private static io.restassured.response.Response post(String document) {
        return given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown; charset=UTF-8").body(document)
                .queryParam("name", "retraction-test.md")
                .when().post("/api/documents");
    }
}
