package dev.ronbun.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Many documents posted at once, each recorded in the ledger's database transaction while its papers go out in a
 * Kafka transaction. The database transaction used to follow the send onto the producer's network thread now and then,
 * and its commit then failed (a 500 for about 2 % of documents under this load): see {@code SummaryPublisher}.
 */
@QuarkusTest
@TestProfile(ConcurrentPublishingTest.WithoutRateLimit.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class ConcurrentPublishingTest {

    private static final int DOCUMENTS = 300;

    /** One caller posts them all, faster than the per-caller limit allows. */
    public static class WithoutRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ronbun.rate-limit.enabled", "false");
        }
    }

    @Test
    void everyDocumentOfAConcurrentBurstIsAcceptedAndPublishedOnce() throws Exception {
        String token = TestTokens.curator();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (var threads = Executors.newFixedThreadPool(6)) {
            List<Future<Integer>> posted = new ArrayList<>();
            for (int n = 0; n < DOCUMENTS; n++) {
                String body = DocumentResourceTest.STRUCTURED.replace("(resource test)", "(burst " + n + ")")
                        .replace("2006.11239", "2006.4" + String.format("%04d", n))
                        .replace("2103.00020", "2103.5" + String.format("%04d", n));
                String name = "burst-" + n + ".md";
                posted.add(threads.submit(() -> given().auth().oauth2(token)
                        .contentType("text/markdown; charset=UTF-8").body(body).queryParam("name", name)
                        .when().post("/api/documents").then().extract().statusCode()));
            }
            for (Future<Integer> status : posted) {
                statuses.merge(status.get(), 1, Integer::sum);
            }
        }
        assertThat(statuses).as("HTTP statuses of %d documents", DOCUMENTS).isEqualTo(Map.of(202, DOCUMENTS));
        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE,
                        Duration.ofSeconds(5)).stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> s.documentName() != null && s.documentName().startsWith("burst-")).toList();
        assertThat(published).hasSize(2 * DOCUMENTS);
    }
}
