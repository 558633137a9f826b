package dev.ronbun.recommend.pipeline;

import static dev.ronbun.recommend.pipeline.PoisonRecordsTest.count;
import static dev.ronbun.recommend.pipeline.PoisonRecordsTest.event;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.PostgresOutage;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, repro 1: a PostgreSQL outage longer than the connector's former 60 s limit for an unacknowledged record
 * used to fail the reading-events channel for good. Now the events are retried until the database is back.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(75);
    private static final int EVENTS_DURING_OUTAGE = 15;

    @Test
    void readingEventsSentWhilePostgresqlIsDownForLongerThanAMinuteAreEachStoredOnceWhenItIsBack() throws Exception {
        String reader = "reader-" + UUID.randomUUID();
        TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event(reader + "-0", reader)));
        PoisonRecordsTest.awaitStored(reader + "-0");

        try (PostgresOutage outage = PostgresOutage.begin()) {
            long pause = OUTAGE.toMillis() / EVENTS_DURING_OUTAGE;
            for (int i = 1; i <= EVENTS_DURING_OUTAGE; i++) {
                TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event(reader + "-" + i, reader)));
                Thread.sleep(pause);
            }
            // redelivery of an event already sent is absorbed by the event id
            TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event(reader + "-3", reader)));
            // the channel is retrying, not dead: liveness stays UP, only readiness reports the database
            given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            given().when().get("/q/health/ready").then().statusCode(503);
        }

        TestPapers.await("every event of " + reader + " to be stored",
                () -> count("select count(*) from reading_events where reader_id = ?", reader)
                        == EVENTS_DURING_OUTAGE + 1);
        assertThat(count("select count(distinct event_id) from reading_events where reader_id = ?", reader))
                .isEqualTo(EVENTS_DURING_OUTAGE + 1);
        assertThat(PoisonRecordsTest.deadLetterReasons(Topics.READING_EVENTS.deadLetter(), reader)).isEmpty();
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        TestPapers.await("readiness once the database is back",
                () -> given().when().get("/q/health/ready").statusCode() == 200);
    }
}
