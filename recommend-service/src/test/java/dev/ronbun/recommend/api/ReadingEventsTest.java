package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class ReadingEventsTest {

    static final PaperEvent MAMBA = paper("arxiv:2312.00752", "Mamba: Linear-Time Sequence Modeling")
            .arxiv("2312.00752").kind("reading-events-test").vector(0.2f, 0.9f, 0.1f).build();

    private static boolean published;

    @BeforeEach
    void publishThePaperOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(MAMBA);
        }
    }

    @Test
    void aReadingEventRoundTripsThroughTheTopicIntoTheDatabaseAndTheHistory() throws SQLException {
        String reader = "reader-" + UUID.randomUUID();

        String eventId = given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body("{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"read\",\"dwellSeconds\":420,"
                        + "\"at\":\"2026-02-01T09:30:00+09:00\"}")
                .when().post("/api/readers/{reader}/events", reader)
                .then().statusCode(202)
                .body("readerId", equalTo(reader))
                .body("type", equalTo("read"))
                .body("eventId", notNullValue())
                .extract().path("eventId");

        JsonPath history = awaitHistory(reader, 1);
        assertThat(history.getString("items[0].eventId")).isEqualTo(eventId);
        assertThat(history.getString("items[0].paperId")).isEqualTo(MAMBA.paperId());
        assertThat(history.getString("items[0].title")).isEqualTo("Mamba: Linear-Time Sequence Modeling");
        assertThat(history.getString("items[0].type")).isEqualTo("read");
        assertThat(history.getInt("items[0].dwellSeconds")).isEqualTo(420);
        assertThat(history.getString("items[0].at")).isEqualTo("2026-02-01T00:30:00Z");
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement(
                     "select e.type, e.dwell_seconds, p.last_type, p.weight from reading_events e "
                             + "join reader_papers p on p.reader_id = e.reader_id and p.paper_id = e.paper_id "
                             + "where e.event_id = ?")) {
            query.setString(1, eventId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("read");
                assertThat(row.getInt(2)).isEqualTo(420);
                assertThat(row.getString(3)).isEqualTo("read");
                assertThat(row.getDouble(4)).isGreaterThan(1.0);
            }
        }
    }

    @Test
    void anEventSentTwiceWithTheSameIdIsStoredOnce() {
        String reader = "reader-" + UUID.randomUUID();
        String body = "{\"eventId\":\"once-" + reader + "\",\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"saved\"}";

        given().auth().oauth2(TestTokens.reader(reader))
                .contentType(ContentType.JSON).body(body).when().post("/api/readers/{reader}/events", reader)
                .then().statusCode(202);
        given().auth().oauth2(TestTokens.reader(reader))
                .contentType(ContentType.JSON).body(body).when().post("/api/readers/{reader}/events", reader)
                .then().statusCode(202);
        given().auth().oauth2(TestTokens.reader(reader))
                .contentType(ContentType.JSON).body("{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"liked\"}")
                .when().post("/api/readers/{reader}/events", reader).then().statusCode(202);

        // one reader's events share a partition, so once the third is stored the duplicate has been consumed too
        JsonPath history = awaitHistory(reader, 2);
        assertThat(history.getList("items.type", String.class)).containsExactlyInAnyOrder("saved", "liked");
    }

    @Test
    void anEventForAnUnknownPaperIsA404Problem() {
        given().auth().oauth2(TestTokens.reader("reader-404"))
                .contentType(ContentType.JSON).body("{\"paperId\":\"no-such-paper\",\"type\":\"read\"}")
                .when().post("/api/readers/{reader}/events", "reader-404")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("/problems/unknown-paper"))
                .body("detail", containsString("no-such-paper"));
    }

    @Test
    void malformedEventsAre400ProblemsThatSayWhatIsExpected() {
        for (String body : List.of(
                "{not json",
                "",
                "[1,2]",
                "{\"type\":\"read\"}",
                "{\"paperId\":\"" + MAMBA.paperId() + "\"}",
                "{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"skimmed\"}",
                "{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"read\",\"dwellSeconds\":-5}",
                "{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"read\",\"dwellSeconds\":\"long\"}",
                "{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"read\",\"at\":\"yesterday\"}")) {
            given().auth().oauth2(TestTokens.reader("reader-400")).contentType(ContentType.JSON).body(body)
                    .when().post("/api/readers/{reader}/events", "reader-400")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("detail", containsString("opened|read|saved|liked|dismissed"));
        }
    }

    @Test
    void aRecordThatIsNotAReadingEventGoesToTheDeadLetterTopic() {
        TestTopics.send(Topics.READING_EVENTS.name(), "reader-broken", "{\"schemaVersion\":1,\"readerId\":\"r\"}");

        // other tests dead-letter records too: this one is found by its key
        List<ConsumerRecord<String, String>> dead = TestTopics.read(Topics.READING_EVENTS.deadLetter(),
                Integer.MAX_VALUE, Duration.ofSeconds(10)).stream().filter(r -> "reader-broken".equals(r.key())).toList();

        assertThat(dead).hasSize(1);
        assertThat(TestTopics.header(dead.getFirst(), Topics.DEAD_LETTER_REASON_HEADER)).contains("paperId");
    }

    @Test
    void publishedEventsAreKeyedByReaderOnTheReadingEventsTopic() {
        String reader = "reader-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.reader(reader))
                .contentType(ContentType.JSON).body("{\"paperId\":\"" + MAMBA.paperId() + "\",\"type\":\"opened\"}")
                .when().post("/api/readers/{reader}/events", reader).then().statusCode(202);

        List<ConsumerRecord<String, String>> records = TestTopics.read(Topics.READING_EVENTS.name(), 1000,
                Duration.ofSeconds(5));

        ConsumerRecord<String, String> ours = records.stream().filter(r -> reader.equals(r.key())).findFirst()
                .orElseThrow();
        ReadingEvent event = EventJson.readReading(ours.value());
        assertThat(event.readerId()).isEqualTo(reader);
        assertThat(event.schemaVersion()).isEqualTo(ReadingEvent.SCHEMA_VERSION);
        assertThat(event.at()).isNotNull();
    }

    static JsonPath awaitHistory(String reader, int events) {
        JsonPath[] history = new JsonPath[1];
        TestPapers.await(events + " events in the history of " + reader, () -> {
            history[0] = given().auth().oauth2(TestTokens.reader(reader))
                    .when().get("/api/readers/{reader}/history", reader).then().statusCode(200)
                    .extract().jsonPath();
            return history[0].getList("items").size() >= events;
        });
        return history[0];
    }

    private static Connection database() throws SQLException {
        return RonbunTestInfrastructure.postgres().connect("ronbun_recommend");
    }
}
