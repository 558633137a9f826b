package dev.ronbun.recommend.edge;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.edge.RawHttp;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repros of issue 17 (4, 5, 7) at recommend-service's edge: NUL in ids, bodies and parameters; malformed query
 * values (400 naming them, not 404); reading events out of their window; limits on computing reads; web page
 * caching; and the framework's own refusals as problem+json.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class HttpEdgeTest {

    static final PaperEvent PAPER = paper("arxiv:2401.17017", "Edge Test: A Paper To Read")
            .arxiv("2401.17017").kind("edge-test").vector(0.3f, 0.3f, 0.9f).build();

    private static boolean published;

    @BeforeEach
    void publishThePaperOnce() {
        if (!published) {
            published = true;
            TestPapers.publishAndAwait(PAPER);
        }
    }

    @Test
    void aNulInAnInterestKeywordIs400NamingIt() {
        given().auth().oauth2(TestTokens.reader("alice")).contentType("application/json")
                .body("{\"keywords\":[\"x\\u0000y\"]}")
                .when().put("/api/readers/alice/interests")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("keywords[0]"));
        given().auth().oauth2(TestTokens.reader("alice")).contentType("application/json")
                .body("{\"keywords\":[\"\\ud800\"]}")
                .when().put("/api/readers/alice/interests")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/analytics/papers/%00/reads", "/api/readers/a%00b/history",
            "/api/readers/a%00b/recommendations", "/api/readers/a%00b/feed", "/api/readers/a%00b/feed.atom",
            "/api/readers/a%00b/interests", "/api/papers/%00", "/api/search?q=%00", "/api/papers/%ED%A0%80/related"})
    void aNulOrEncodedSurrogateInThePathOrQueryIs400Problem(String target) {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", target,
                Map.of("Authorization", "Bearer " + TestTokens.admin()), null);

        assertProblem(answer, 400);
    }

    @Test
    void aReadingEventForAReaderIdWithANulIsRefusedNotPublished() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/readers/a%00b/events",
                Map.of("Authorization", "Bearer " + TestTokens.admin(), "Content-Type", "application/json"),
                ("{\"paperId\":\"" + PAPER.paperId() + "\",\"type\":\"opened\"}").getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a/b", "ä", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "a%0Ab", "<script>"})
    void aReaderIdOutsideItsShapeIs400NamingIt(String readerId) {
        given().auth().oauth2(TestTokens.admin()).urlEncodingEnabled(true)
                .when().get("/api/readers/{reader}/history", readerId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("readerId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"eventId\":\"x\\u0000y\",\"type\":\"opened\",\"paperId\":\"PAPER\"}",
            "{\"eventId\":\"x y\",\"type\":\"opened\",\"paperId\":\"PAPER\"}",
            "{\"type\":\"read\",\"paperId\":\"PAPER\",\"at\":\"9999-12-31T23:59:59Z\"}",
            "{\"type\":\"read\",\"paperId\":\"PAPER\",\"at\":\"1999-12-31T23:59:59Z\"}",
            "{\"type\":\"read\",\"paperId\":\"PAPER\",\"dwellSeconds\":1.5}",
            "{\"type\":\"read\",\"paperId\":\"PAPER\",\"dwellSeconds\":86400}",
            "{\"type\":\"read\",\"paperId\":\"PAPER\",\"dwellSeconds\":-1}",
            "{\"type\":\"read\",\"paperId\":\"PAPER\",\"dwellSeconds\":2147483648}",
            "{\"type\":\"read\",\"paperId\":\"x\\u0000\"}",
            "{\"type\":\"read\",\"paperId\":\"../x\"}"})
    void aReadingEventOutOfShapeIs400AndStoresNothing(String body) {
        String reader = "edge-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.reader(reader)).contentType("application/json")
                .body(body.replace("PAPER", PAPER.paperId()))
                .when().post("/api/readers/{reader}/events", reader)
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void aWellFormedReadingEventAtTheEdgesOfItsWindowIsAccepted() {
        String reader = "edge-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.reader(reader)).contentType("application/json")
                .body("{\"eventId\":\"evt-1:a@b\",\"type\":\"read\",\"paperId\":\"" + PAPER.paperId()
                        + "\",\"dwellSeconds\":86399,\"at\":\"2000-01-01T00:00:00Z\"}")
                .when().post("/api/readers/{reader}/events", reader)
                .then().statusCode(202).body("dwellSeconds", equalTo(86399));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/papers?size=abc|size", "/api/papers?size=2147483648|size", "/api/papers?page=-1|page",
            "/api/papers/PAPER/related?k=1.5|k", "/api/search?q=x&size=abc|size",
            "/api/analytics/topic-map?clusters=abc|clusters", "/api/analytics/papers/weekly?weeks=1e3|weeks",
            "/api/readers/alice/history?limit=ten|limit", "/api/readers/alice/recommendations?k=%2B|k"})
    void aMalformedQueryValueIs400NamingTheParameterNot404(String targetAndName) {
        String[] parts = targetAndName.split("\\|");
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET", parts[0].replace("PAPER", PAPER.paperId()),
                Map.of("Authorization", "Bearer " + TestTokens.reader("alice")), null);

        assertProblem(answer, 400);
        assertThat(answer.text()).contains("'" + parts[1] + "'");
    }

    @Test
    void theFrameworksOwnRefusalsAreProblems() {
        String admin = "Bearer " + TestTokens.admin();
        assertProblem(RawHttp.send(RestAssured.port, "GET", "/no-such-page.html", Map.of(), null), 404);
        assertProblem(RawHttp.send(RestAssured.port, "GET", "/api/no-such-thing", Map.of("Authorization", admin), null), 404);
        assertProblem(RawHttp.send(RestAssured.port, "DELETE", "/api/papers", Map.of("Authorization", admin), null), 405);
        assertProblem(RawHttp.send(RestAssured.port, "POST", "/index.html", Map.of(), new byte[0]), 404);
        assertProblem(RawHttp.send(RestAssured.port, "POST", "/api/readers/alice/events",
                Map.of("Authorization", admin, "Content-Type", "application/xml"), "<x/>".getBytes()), 415);
        assertProblem(RawHttp.send(RestAssured.port, "GET", "/api/papers?q=" + "x".repeat(9000),
                Map.of("Authorization", admin), null), 414);
        assertProblem(RawHttp.send(RestAssured.port, "POST", "/api/readers/alice/events".getBytes(StandardCharsets.US_ASCII),
                Map.of("Authorization", admin, "Content-Type", "application/json"), null, 100 * 1024), 413);
        RawHttp.Answer anonymous = RawHttp.send(RestAssured.port, "POST", "/api/readers/alice/interests",
                Map.of("Content-Type", "text/;;;"), "x".getBytes());
        assertProblem(anonymous, 401);
    }

    /**
     * Without a Content-Length the guard cannot refuse up front; Quarkus's body handler cuts the body off once it
     * passes the limit and answers 413 itself, with no body (documented in the README's edge table).
     */
    @Test
    void aChunkedBodyThatGrowsPastTheLimitIs413() {
        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 8; i++) {
            chunked.writeBytes(("4000\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.writeBytes(chunk);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/readers/alice/events",
                Map.of("Authorization", "Bearer " + TestTokens.admin(), "Content-Type", "application/json",
                        "Transfer-Encoding", "chunked"), chunked.toByteArray());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
    }

    @Test
    void webPagesAreRevalidatedNotCachedForADay() {
        for (String page : new String[] {"/", "/index.html", "/reader.html", "/assets/ui.js", "/assets/ronbun.css"}) {
            Response response = given().when().get(page);
            response.then().statusCode(200).header("Cache-Control", "no-cache");
            String lastModified = response.header("Last-Modified");
            assertThat(lastModified).as(page + " has a validator").isNotBlank();
            given().header("If-Modified-Since", lastModified).when().get(page)
                    .then().statusCode(304).header("Cache-Control", "no-cache");
        }
    }

    @Test
    void searchesPastTheComputeLimitGet429WithRetryAfterWhileAdminsAreExempt() {
        String reader = "edge-searcher";
        Response last = null;
        // 120 a minute, refilling one each half second: a quick burst runs out before 200.
        for (int i = 0; i < 200; i++) {
            last = given().auth().oauth2(TestTokens.reader(reader)).when().get("/api/search?q=edge");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        given().auth().oauth2(TestTokens.admin()).when().get("/api/search?q=edge").then().statusCode(200);
    }

    @Test
    void uncachedRecommendationsCountAgainstTheComputeLimitCachedOnesDoNot() {
        String reader = "edge-recommended";
        String token = TestTokens.reader(reader);
        for (int i = 0; i < 150; i++) {
            // The same request again and again is served from the cache: never limited.
            given().auth().oauth2(token).when().get("/api/readers/{r}/recommendations?k=5", reader)
                    .then().statusCode(200);
        }
        Response last = null;
        for (int i = 0; i < 200; i++) {
            // A different filter each time is a new ranking each time.
            last = given().auth().oauth2(token).when()
                    .get("/api/readers/{r}/recommendations?k=5&kind=kind-" + i, reader);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.text()).contains("\"status\":" + status);
    }
}
