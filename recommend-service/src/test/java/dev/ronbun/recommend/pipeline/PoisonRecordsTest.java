package dev.ronbun.recommend.pipeline;

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
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, repro 1 and the poison records: what no consumer can store is dead-lettered at once with the reason,
 * and the next record on the same partition is still processed; the channels stay alive.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class PoisonRecordsTest {

    /** Far below the connector's former 60 s limit that a retried NUL used to exceed. */
    private static final Duration AT_ONCE = Duration.ofSeconds(20);

    @AfterEach
    void bothChannelsAreStillAlive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aNulInAReadingEventsReaderIdOrEventIdIsDeadLetteredAtOnceAndTheNextEventIsStored() {
        String reader = "reader-" + UUID.randomUUID();
        String nulInReader = EventJson.write(event("nul-reader-" + reader, "a\u0000b"));
        String nulInEvent = EventJson.write(event("x\u0000y", reader));

        long start = System.nanoTime();
        TestTopics.send(Topics.READING_EVENTS.name(), reader, nulInReader);
        TestTopics.send(Topics.READING_EVENTS.name(), reader, nulInEvent);
        TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event("good-" + reader, reader)));

        assertThat(PoisonRecords.awaitDeadLetter(Topics.READING_EVENTS.deadLetter(), reader, AT_ONCE))
                .hasValueSatisfying(dead -> assertThat(reason(dead)).contains("'readerId' contains a NUL"));
        awaitStored("good-" + reader);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
        assertThat(deadLetterReasons(Topics.READING_EVENTS.deadLetter(), reader))
                .anySatisfy(r -> assertThat(r).contains("'eventId' contains a NUL").contains("UTF-8"))
                .hasSize(2);
        assertThat(count("select count(*) from reading_events where reader_id = ?", reader)).isEqualTo(1);
    }

    @Test
    void readingEventsThatAreNoJsonOrHoldImpossibleValuesAreDeadLetteredWithTheReason() {
        String reader = "reader-" + UUID.randomUUID();
        // year 999999 parses as an Instant, but no reading happens so far ahead (PostgreSQL could not even store it)
        String farFuture = EventJson.write(event("far-" + reader, reader)).replaceFirst("\"at\":\"[^\"]+\"",
                "\"at\":\"+999999-01-01T00:00:00Z\"");
        String overflowingDwell = EventJson.write(event("dwell-" + reader, reader)).replace("\"dwellSeconds\":30",
                "\"dwellSeconds\":3000000000");

        long start = System.nanoTime();
        PoisonRecords.sendBytes(Topics.READING_EVENTS.name(), reader, PoisonRecords.NOT_JSON);
        TestTopics.send(Topics.READING_EVENTS.name(), reader, farFuture);
        TestTopics.send(Topics.READING_EVENTS.name(), reader, overflowingDwell);
        TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event("good-" + reader, reader)));

        awaitStored("good-" + reader);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
        assertThat(deadLetterReasons(Topics.READING_EVENTS.deadLetter(), reader)).hasSize(3)
                .anySatisfy(r -> assertThat(r).contains("not a valid ReadingEvent"))
                .anySatisfy(r -> assertThat(r).contains("'at' must lie between"))
                .anySatisfy(r -> assertThat(r).contains("dwellSeconds"));
        assertThat(count("select count(*) from reading_events where reader_id = ?", reader)).isEqualTo(1);
    }

    @Test
    void paperRecordsThatAreNoJsonHoldANulOrAVectorThatIsNotFiniteAreDeadLetteredAndTheNextPaperIsIndexed() {
        String kind = "poison-" + UUID.randomUUID();
        PaperEvent first = paper("arxiv:2401.00001", "A first paper").kind(kind).vector(1, 0, 0).build();
        TestPapers.publishAndAwait(first);
        PaperEvent nulInTitle = paper("arxiv:2401.00002", "Tit\u0000le").kind(kind).build();
        PaperEvent infinite = paper("arxiv:2401.00003", "An infinite vector").kind(kind).build();
        PaperEvent after = paper("arxiv:2401.00004", "The paper after the poison").kind(kind).build();
        String infiniteJson = EventJson.write(infinite).replaceFirst("\"vector\":\\[[^\\]]+\\]",
                "\"vector\":[1e400,0,0]");

        PoisonRecords.sendBytes(Topics.PAPERS.name(), "not-json-" + kind, PoisonRecords.NOT_JSON);
        TestTopics.send(Topics.PAPERS.name(), nulInTitle.paperId(), EventJson.write(nulInTitle));
        TestTopics.send(Topics.PAPERS.name(), infinite.paperId(), infiniteJson);
        TestPapers.publishAndAwait(after);

        assertThat(PoisonRecords.awaitDeadLetter(Topics.PAPERS.deadLetter(), "not-json-" + kind, AT_ONCE))
                .hasValueSatisfying(dead -> assertThat(reason(dead)).contains("not a valid PaperEvent"));
        assertThat(PoisonRecords.awaitDeadLetter(Topics.PAPERS.deadLetter(), nulInTitle.paperId(), AT_ONCE))
                .hasValueSatisfying(dead -> assertThat(reason(dead)).contains("'title' contains a NUL"));
        assertThat(PoisonRecords.awaitDeadLetter(Topics.PAPERS.deadLetter(), infinite.paperId(), AT_ONCE))
                .hasValueSatisfying(dead -> assertThat(reason(dead))
                        .contains("has a vector value that is not a finite number (Infinity)"));
    }

    static ReadingEvent event(String eventId, String readerId) {
        return new ReadingEvent(ReadingEvent.SCHEMA_VERSION, eventId, readerId, "paper-1", ReadingType.READ, 30,
                Instant.parse("2026-02-01T00:00:00Z"));
    }

    static void awaitStored(String eventId) {
        TestPapers.await("reading event " + eventId + " to be stored",
                () -> count("select count(*) from reading_events where event_id = ?", eventId) == 1);
    }

    static long count(String sql, String parameter) {
        try (Connection db = RonbunTestInfrastructure.postgres().connect("ronbun_recommend");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> deadLetterReasons(String topic, String key) {
        return TestTopics.read(topic, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .filter(r -> key.equals(r.key())).map(PoisonRecordsTest::reason).toList();
    }

    private static String reason(ConsumerRecord<String, String> dead) {
        return TestTopics.header(dead, Topics.DEAD_LETTER_REASON_HEADER);
    }
}
