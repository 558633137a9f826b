package dev.ronbun.recommend.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nothing stays dead silently: should a channel fail anyway, liveness says so, so that the supervisor (or
 * Kubernetes) restarts the service. The channel is made to fail on purpose: its failure strategy is "fail".
 */
@QuarkusTest
@TestProfile(FailedChannelLivenessTest.PapersChannelFailsOnPoison.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class FailedChannelLivenessTest {

    @Test
    void aFailedPapersChannelTurnsLivenessDown() {
        given().when().get("/q/health/live").then().statusCode(200);

        PoisonRecords.sendBytes(Topics.PAPERS.name(), "liveness-" + UUID.randomUUID(), PoisonRecords.NOT_JSON);

        TestPapers.await("liveness to report the failed channel",
                () -> given().when().get("/q/health/live").statusCode() == 503);
        given().when().get("/q/health/live").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(containsString("papers"));
    }

    /** The papers channel in a consumer group of its own, failing (not dead-lettering) on the first bad record. */
    public static class PapersChannelFailsOnPoison implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.papers.failure-strategy", "fail",
                    "mp.messaging.incoming.papers.group.id", "recommend-service-liveness-test-" + UUID.randomUUID());
        }
    }
}
