package dev.ronbun.ingest.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Should a producer or broker limit ever be lower than ingest's own event limit (an external cluster), a paper too
 * large for Kafka is a 413 that the inbox puts in failed/, never a 500 retried for ever (issue 17, repro 3).
 */
@QuarkusTest
@TestProfile(ProducerLimitTest.SmallProducerLimit.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class ProducerLimitTest {

    public static class SmallProducerLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ronbun.ingest.publishing.max-request-bytes", "65536");
        }
    }

    @Test
    void aPaperLargerThanTheProducerAcceptsIs413NothingIsPublishedAndTheNextDocumentGoesThrough() {
        String document = "# Larger Than The Producer (producer limit test)\n\n" + "本文です。".repeat(10_000);

        given().auth().oauth2(TestTokens.curator()).contentType("text/markdown; charset=UTF-8")
                .body(document).queryParam("name", "producer-limit.md")
                .when().post("/api/documents").then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("paper-too-large"));
        given().auth().oauth2(TestTokens.curator()).contentType("text/markdown; charset=UTF-8")
                .body("# Small After Large (producer limit test)\n\n短い本文。").queryParam("name", "after-limit.md")
                .when().post("/api/documents").then().statusCode(202);

        assertThat(TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .map(ConsumerRecord::value).map(EventJson::readSummary)
                .map(s -> s.documentName()))
                .contains("after-limit.md")
                .doesNotContain("producer-limit.md");
    }
}
