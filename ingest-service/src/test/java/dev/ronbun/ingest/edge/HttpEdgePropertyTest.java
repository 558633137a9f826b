package dev.ronbun.ingest.edge;

import dev.ronbun.infra.testing.edge.RawHttp;
import dev.ronbun.infra.testing.edge.EdgeRequests;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A property of ingest-service's HTTP edge: whatever arrives (random bytes in ids, paths, query values, headers and
 * bodies, with and without valid tokens), the answer is never a 5xx, and every refusal is problem+json. A fixed
 * seed, so a failure names a request that reproduces.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class HttpEdgePropertyTest {

    private static final long SEED = 17L;
    private static final int REQUESTS = 400;

    private static final List<String> PATHS = List.of("/api/documents",
            "/api/documents",
            "/api/documents/{id}",
            "/api/{id}",
            "/q/health/ready",
            "/");
    private static final List<String> PARAMETERS = List.of("name", "format", "dryRun");

    @Test
    void randomRequestsNeverGetA5xxAndEveryRefusalIsAProblem() {
        EdgeRequests requests = new EdgeRequests(SEED, PATHS, PARAMETERS,
                List.of(TestTokens.curator(), TestTokens.admin(), TestTokens.reader("fuzz-reader")));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            EdgeRequests.Request request = requests.next();
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, request.method(), request.target(),
                    request.headers(), request.body(), -1);
            statuses.merge(answer.status(), 1, Integer::sum);
            boolean refusedWithoutProblem = answer.status() >= 400 && !request.method().equals("HEAD")
                    && !(answer.isProblem() && answer.text().contains("\"status\":" + answer.status()))
                    && !refusedByTheHttpLayer(request, answer);
            if (answer.status() >= 500 || refusedWithoutProblem) {
                failures.add("#" + i + " " + request + "\n  -> " + answer);
            }
        }

        assertThat(failures).as("statuses seen: %s", statuses).isEmpty();
        assertThat(statuses).as("the run reached past authentication and validation")
                .containsKeys(400, 401);
        assertThat(statuses.keySet()).as("and some requests were answered").anyMatch(status -> status < 400);
    }

    /**
     * A request target that is not a URI (a '%' without two hex digits, raw bytes outside ASCII) is refused by
     * Quarkus's HTTP layer with a bare 400 before any route runs, so before our problem+json guards: documented, and
     * accepted here only in exactly that shape.
     */
    private static boolean refusedByTheHttpLayer(EdgeRequests.Request request, RawHttp.Answer answer) {
        if (answer.status() != 400 || answer.body().length != 0) {
            return false;
        }
        String target = new String(request.target(), StandardCharsets.ISO_8859_1);
        if (target.chars().anyMatch(c -> c > 0x7e)) {
            return true;
        }
        try {
            new URI(target);
            return false;
        } catch (URISyntaxException e) {
            return true;
        }
    }
}
