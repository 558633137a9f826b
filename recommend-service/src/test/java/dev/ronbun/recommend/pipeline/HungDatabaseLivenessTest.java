package dev.ronbun.recommend.pipeline;

import static dev.ronbun.recommend.pipeline.PoisonRecordsTest.event;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database that hangs instead of failing (every PostgreSQL process stopped with SIGSTOP: connections stay open,
 * nothing answers) holds a consumer's attempt forever. Past the stall limit liveness goes DOWN, so that the
 * service is restarted rather than stopping silently; once the database answers again the event is stored.
 */
@QuarkusTest
@TestProfile(HungDatabaseLivenessTest.ShortStallLimit.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class HungDatabaseLivenessTest {

    @Test
    void aConsumerAttemptHangingPastTheStallLimitTurnsLivenessDownUntilItReturns() throws Exception {
        String reader = "reader-" + UUID.randomUUID();
        TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event(reader + "-0", reader)));
        PoisonRecordsTest.awaitStored(reader + "-0");
        List<Long> postgres = postgresProcesses();

        signal("-STOP", postgres);
        try {
            TestTopics.send(Topics.READING_EVENTS.name(), reader, EventJson.write(event(reader + "-1", reader)));
            TestPapers.await("liveness to report the hung consumer",
                    () -> given().when().get("/q/health/live").statusCode() == 503);
            given().when().get("/q/health/live").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'Ronbun consumers' }.status", equalTo("DOWN"));
        } finally {
            signal("-CONT", postgres);
        }

        PoisonRecordsTest.awaitStored(reader + "-1");
        TestPapers.await("liveness UP again", () -> given().when().get("/q/health/live").statusCode() == 200);
    }

    /** The postmaster and every backend it forked: the exact processes to freeze and thaw. */
    private static List<Long> postgresProcesses() throws Exception {
        Path dataDirectory = RonbunTestInfrastructure.postgresDataDirectory();
        long postmaster = LocalPostgres.postmasterPid(dataDirectory).orElseThrow();
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** A stall limit of seconds rather than minutes, so that the test need not wait long. */
    public static class ShortStallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ronbun.recommend.retry.stall-limit", "3s");
        }
    }
}
