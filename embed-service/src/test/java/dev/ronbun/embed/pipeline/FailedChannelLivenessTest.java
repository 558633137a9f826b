package dev.ronbun.embed.pipeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nothing stays dead silently: should the summaries channel fail anyway, liveness says so, so that the supervisor
 * (or Kubernetes) restarts the service. The channel is made to fail on purpose: its failure strategy is "fail".
 */
@QuarkusTest
@TestProfile(FailedChannelLivenessTest.SummariesChannelFailsOnPoison.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed"))
class FailedChannelLivenessTest {

    @Test
    void aFailedSummariesChannelTurnsLivenessDown() throws InterruptedException {
        given().when().get("/q/health/live").then().statusCode(200);

        TestTopics.send(Topics.SUMMARIES.name(), "liveness-" + UUID.randomUUID(), "{not a summary");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().when().get("/q/health/live").statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        given().when().get("/q/health/live").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body(containsString("summaries"));
    }

    /** The summaries channel in a consumer group of its own, failing (not dead-lettering) on the first bad record. */
    public static class SummariesChannelFailsOnPoison implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.incoming.summaries.failure-strategy", "fail",
                    "mp.messaging.incoming.summaries.group.id", "embed-service-liveness-test-" + UUID.randomUUID());
        }
    }
}
