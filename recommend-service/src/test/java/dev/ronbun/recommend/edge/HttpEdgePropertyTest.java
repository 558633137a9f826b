package dev.ronbun.recommend.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.edge.EdgeRequests;
import dev.ronbun.infra.testing.edge.EdgeRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A property of recommend-service's HTTP edge: whatever arrives (random bytes in ids, paths, query values, headers and
 * bodies, with and without valid tokens), the answer is never a 5xx, and every refusal is problem+json. A fixed
 * seed, so a failure names a request that reproduces.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class HttpEdgePropertyTest {

    private static final long SEED = 17L;
    private static final int REQUESTS = 400;

    private static final List<String> PATHS = List.of("/api/papers",
            "/api/papers/{id}",
            "/api/papers/{id}/related",
            "/api/search",
            "/api/readers/{id}/events",
            "/api/readers/{id}/history",
            "/api/readers/{id}/recommendations",
            "/api/readers/{id}/interests",
            "/api/readers/{id}/feed",
            "/api/readers/{id}/feed.atom",
            "/api/readers/{id}",
            "/api/readers/{id}/export",
            "/api/documents/{id}",
            "/api/analytics/papers/weekly",
            "/api/analytics/keywords/trending",
            "/api/analytics/keywords/popular",
            "/api/analytics/keywords/papers",
            "/api/analytics/topic-map",
            "/api/analytics/reading/daily",
            "/api/analytics/papers/{id}/reads",
            "/api/analytics/pipeline/lag",
            "/api/admin/papers.jsonl",
            "/",
            "/index.html",
            "/assets/{id}",
            "/{id}.html");
    private static final List<String> PARAMETERS = List.of("size", "page", "k", "q", "kind", "format", "presenter", "from", "to", "since", "limit", "weeks", "top", "n", "term", "clusters", "days", "basis");

    @Test
    void randomRequestsNeverGetA5xxAndEveryRefusalIsAProblem() {
        EdgeRequests requests = new EdgeRequests(SEED, PATHS, PARAMETERS,
                List.of(TestTokens.reader("fuzz-reader"), TestTokens.admin(), TestTokens.curator()));
        EdgeRun run = EdgeRun.against(RestAssured.port, requests, REQUESTS);
        List<String> failures = run.failures();
        Map<Integer, Integer> statuses = run.statuses();

        assertThat(failures).as("statuses seen: %s", statuses).isEmpty();
        assertThat(statuses).as("the run reached past authentication and validation")
                .containsKeys(400, 401);
        assertThat(statuses.keySet()).as("and some requests were answered").anyMatch(status -> status < 400);
    }
}
