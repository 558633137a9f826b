package dev.ronbun.recommend.api;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class AdminResourceTest {

    static final PaperEvent GPTQ = paper("arxiv:2210.17323", "GPTQ: Accurate Post-Training Quantization")
            .arxiv("2210.17323").kind("admin-test").vector(0.4f, 0.4f, 0.8f).keywords("量子化").build();

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(GPTQ);
        }
    }

    @Test
    void reindexClearsTheIndexAndRebuildsItByReplayingTheCompactedTopic() {
        awaitNoReindexRunning();
        int before = total();

        given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/reindex").then().statusCode(202)
                .body("state", equalTo("running")).body("reason", equalTo("requested"));
        JsonPath done = awaitNoReindexRunning();

        assertThat(done.getString("state")).isEqualTo("done");
        assertThat(done.getLong("recordsRead")).isGreaterThanOrEqualTo(done.getLong("recordsTotal"));
        // ronbun.recommend.index.segments-after-replay defaults to 1
        assertThat(done.getInt("segments")).isEqualTo(1);
        assertThat(done.getLong("papersIndexed")).isPositive();
        assertThat(total()).isGreaterThanOrEqualTo(before);
        given().auth().oauth2(TestTokens.reader("any-reader"))
                .when().get("/api/papers/{id}", GPTQ.paperId()).then().statusCode(200)
                .body("title", equalTo(GPTQ.title()));
    }

    @Test
    void withoutASnapshotStoreASnapshotIsA409ProblemAndTheListingSaysSo() {
        given().auth().oauth2(TestTokens.admin()).when().post("/api/admin/snapshots").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/snapshots-off"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/snapshots").then().statusCode(200)
                .body("store", equalTo(null)).body("snapshots.size()", equalTo(0));
    }

    @Test
    void theExportHoldsEveryPaperAsOneEventPerLineWithItsVector() {
        String body = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/admin/papers.jsonl").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();

        List<PaperEvent> papers = body.lines().map(EventJson::readPaper).toList();
        assertThat(papers).hasSize(total());
        PaperEvent exported = papers.stream().filter(p -> p.paperId().equals(GPTQ.paperId())).findFirst().orElseThrow();
        assertThat(exported.embedding().vector()).containsExactly(GPTQ.embedding().vector());
        assertThat(exported.keywords()).isEqualTo(GPTQ.keywords());
    }

    private static int total() {
        return given().auth().oauth2(TestTokens.reader("any-reader"))
                .queryParam("size", 1).when().get("/api/papers").then().statusCode(200).extract().path("total");
    }

    private static JsonPath awaitNoReindexRunning() {
        JsonPath[] progress = new JsonPath[1];
        TestPapers.await("the reindex to finish", () -> {
            progress[0] = given().auth().oauth2(TestTokens.admin())
                    .when().get("/api/admin/reindex").then().statusCode(200).extract().jsonPath();
            String state = progress[0].getString("state");
            return !"running".equals(state) && !"merging".equals(state);
        });
        return progress[0];
    }
}
