package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reader's own data (issue 20): {@code GET /api/readers/{id}/export} hands all of it over as JSON,
 * {@code DELETE /api/readers/{id}} erases it, and reading events of before the erasure still on the topic never bring
 * it back; a reader whose history holds a deleted paper still gets their pages.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class ReaderDataTest {

    static final String KIND = "reader-data-test";
    static final PaperEvent KEPT = paper("reader-data-kept", "Reader Data: A Paper That Stays")
            .kind(KIND).vector(0.9f, 0.1f, 0.1f).build();
    static final PaperEvent DELETED = paper("reader-data-deleted", "Reader Data: A Paper That Is Deleted")
            .kind(KIND).vector(0.1f, 0.9f, 0.1f).build();

    private static boolean published;

    @BeforeEach
    void publishThePapersOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(KEPT, DELETED);
        }
    }

    @Test
    void theExportHoldsEverythingStoredAboutTheReaderAndTheErasureLeavesNothingThatEventsOnTheTopicCanRevive() {
        String reader = "reader-" + UUID.randomUUID();
        String token = TestTokens.reader(reader);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"tags\":[\"ssm\"],\"note\":\"第2節を読む\"}")
                .when().put("/api/readers/{reader}/library/{paper}", reader, KEPT.paperId()).then().statusCode(200);
        event(token, reader, KEPT.paperId(), "read");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"keywords\":[\"状態空間モデル\"]}")
                .when().put("/api/readers/{reader}/interests", reader).then().statusCode(200);
        given().auth().oauth2(token).when().post("/api/readers/{reader}/feed-url", reader).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"email\":\"reader-data@example.com\",\"frequency\":\"weekly\"}")
                .when().put("/api/readers/{reader}/digest", reader).then().statusCode(200);
        ReadingEventsTest.awaitHistory(reader, 2);

        JsonPath export = given().auth().oauth2(token).when().get("/api/readers/{reader}/export", reader)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertThat(export.getString("readerId")).isEqualTo(reader);
        assertThat(export.getList("history.type", String.class)).containsExactlyInAnyOrder("saved", "read");
        assertThat(export.getList("profile.paper_id", String.class)).containsExactly(KEPT.paperId());
        assertThat(export.getList("interests.keyword", String.class)).containsExactly("状態空間モデル");
        assertThat(export.getList("library.note", String.class)).containsExactly("第2節を読む");
        assertThat(export.getList("libraryTags.tag", String.class)).containsExactly("ssm");
        assertThat(export.getList("feedUrl", Map.class)).singleElement()
                .satisfies(row -> assertThat(row).containsKey("created_at").doesNotContainKey("token_sha256"));
        assertThat(export.getList("digest.email", String.class)).containsExactly("reader-data@example.com");
        assertThat(export.getList("digest.frequency", String.class)).containsExactly("weekly");
        assertThat(export.getList("digestUnsubscribeLinks")).isEmpty();
        assertThat(export.getList("reader.reader_id", String.class)).containsExactly(reader);

        // an event read before the erasure, still on the topic, consumed after it
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(token).when().delete("/api/readers/{reader}", reader).then().statusCode(204);
        TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(new ReadingEvent(
                ReadingEvent.SCHEMA_VERSION, "late-" + UUID.randomUUID(), reader, KEPT.paperId(), ReadingType.LIKED,
                null, before)));

        JsonPath erased = given().auth().oauth2(token).when().get("/api/readers/{reader}/export", reader)
                .then().statusCode(200).extract().jsonPath();
        for (String section : List.of("history", "profile", "interests", "library", "libraryTags", "feedUrl",
                "digest", "digestUnsubscribeLinks", "reader")) {
            assertThat(erased.getList(section)).as(section).isEmpty();
        }
        // a new event after the erasure counts (the reader starts afresh); it comes after the late one on the
        // reader's partition, so once it is in the history the late one has been consumed
        event(token, reader, KEPT.paperId(), "opened");
        JsonPath history = ReadingEventsTest.awaitHistory(reader, 1);
        assertThat(history.getList("items.type", String.class)).containsExactly("opened");
        // erasing twice is fine
        given().auth().oauth2(token).when().delete("/api/readers/{reader}", reader).then().statusCode(204);
        given().auth().oauth2(token).when().delete("/api/readers/{reader}", reader).then().statusCode(204);
    }

    @Test
    void onlyTheReaderAndAdminsMayExportOrEraseTheReadersData() {
        String reader = "reader-" + UUID.randomUUID();
        event(TestTokens.reader(reader), reader, KEPT.paperId(), "opened");
        ReadingEventsTest.awaitHistory(reader, 1);

        given().when().get("/api/readers/{reader}/export", reader).then().statusCode(401);
        given().when().delete("/api/readers/{reader}", reader).then().statusCode(401);
        for (String other : List.of(TestTokens.reader("someone-else"), TestTokens.curator())) {
            given().auth().oauth2(other).when().get("/api/readers/{reader}/export", reader)
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(other).when().delete("/api/readers/{reader}", reader)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertThat(ReadingEventsTest.awaitHistory(reader, 1).getList("items")).hasSize(1);

        given().auth().oauth2(TestTokens.admin()).when().get("/api/readers/{reader}/export", reader)
                .then().statusCode(200).body("history.size()", equalTo(1));
        given().auth().oauth2(TestTokens.admin()).when().delete("/api/readers/{reader}", reader)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.reader(reader)).when().get("/api/readers/{reader}/history", reader)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aReaderWhoseHistoryAndLibraryHoldADeletedPaperStillGetsTheirPages() {
        String reader = "reader-" + UUID.randomUUID();
        String token = TestTokens.reader(reader);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"tags\":[\"gone\"]}")
                .when().put("/api/readers/{reader}/library/{paper}", reader, DELETED.paperId()).then().statusCode(200);
        event(token, reader, KEPT.paperId(), "read");
        ReadingEventsTest.awaitHistory(reader, 2);

        TestTopics.send(Topics.PAPERS.name(), DELETED.paperId(), null);
        TestPapers.await("the deleted paper to leave the index", () -> given().auth().oauth2(token)
                .when().get("/api/papers/{id}", DELETED.paperId()).statusCode() == 404);

        given().auth().oauth2(token).when().get("/api/readers/{reader}/history", reader).then().statusCode(200)
                .body("items.size()", equalTo(2));
        given().auth().oauth2(token).when().get("/api/readers/{reader}/library", reader).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/readers/{reader}/recommendations?kind=" + KIND, reader)
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/readers/{reader}/feed", reader).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/readers/{reader}/export", reader).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/papers/{id}/related", KEPT.paperId()).then().statusCode(200);
    }

    private static void event(String token, String reader, String paperId, String type) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"paperId\":\"" + paperId + "\",\"type\":\"" + type + "\"}")
                .when().post("/api/readers/{reader}/events", reader).then().statusCode(202);
    }
}
