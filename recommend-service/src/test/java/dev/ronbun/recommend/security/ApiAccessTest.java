package dev.ronbun.recommend.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of recommend-service without a token (401), with a bad one (401), and with a role that may not use
 * it (403): readers only their own reader paths, admins the admin jobs and the activity of all readers. Bodies are
 * problem+json throughout.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class ApiAccessTest {

    private static final String EVENT = "{\"paperId\":\"no-such-paper\",\"type\":\"read\"}";
    private static final String INTERESTS = "{\"keywords\":[\"拡散モデル\"]}";
    private static final String DIGEST = "{\"email\":\"alice@example.com\",\"frequency\":\"off\"}";

    /** Endpoints any signed-in role may use. */
    static Stream<Arguments> openToEveryRole() {
        return Stream.of(
                get("/api/papers"), get("/api/papers/p-1"), get("/api/papers/p-1/related"), get("/api/search?q=x"),
                get("/api/analytics/papers/weekly"), get("/api/analytics/keywords/trending"),
                get("/api/analytics/keywords/popular"), get("/api/analytics/keywords/papers?term=x"),
                get("/api/analytics/topic-map"), get("/api/analytics/papers/p-1/reads"),
                get("/api/analytics/pipeline/lag"), get("/api/analytics/index/changes"));
    }

    /** A reader's own endpoints, here reader alice's. */
    static Stream<Arguments> readerEndpoints() {
        return Stream.of(
                post("/api/readers/alice/events", EVENT), get("/api/readers/alice/history"),
                get("/api/readers/alice/recommendations"), put("/api/readers/alice/interests", INTERESTS),
                get("/api/readers/alice/interests"), get("/api/readers/alice/feed"),
                get("/api/readers/alice/feed.atom"), put("/api/readers/alice/digest", DIGEST),
                get("/api/readers/alice/digest"));
    }

    /** Admin-only endpoints. */
    static Stream<Arguments> adminEndpoints() {
        return Stream.of(post("/api/admin/reindex?clear=false", null), get("/api/admin/reindex"),
                get("/api/admin/papers.jsonl"), get("/api/analytics/reading/daily"),
                post("/api/admin/digests/send", null));
    }

    static Stream<Arguments> everyEndpoint() {
        return Stream.of(openToEveryRole(), readerEndpoints(), adminEndpoints()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void withoutATokenEveryEndpointIs401(String method, String path, String body) {
        unauthorised(call(given(), method, path, body));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEndpoint")
    void anExpiredOrForeignTokenIs401(String method, String path, String body) {
        unauthorised(call(given().auth().oauth2(TestTokens.expired("admin", "old-admin")), method, path, body));
        unauthorised(call(given().auth().oauth2(TestTokens.signedByAnotherKey("admin", "x")), method, path, body));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("openToEveryRole")
    void everyRoleMayReadPapersSearchAndAnalytics(String method, String path, String body) {
        if (path.endsWith("/changes")) {
            return; // an endless event stream; the browser tests follow it with a token
        }
        allowed(method, path, body, TestTokens.reader("bob"), TestTokens.curator(), TestTokens.admin());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readerEndpoints")
    void anotherReaderOrACuratorGets403OnAReadersEndpoints(String method, String path, String body) {
        forbidden(call(given().auth().oauth2(TestTokens.reader("bob")), method, path, body));
        forbidden(call(given().auth().oauth2(TestTokens.curator()), method, path, body));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readerEndpoints")
    void theReaderAndAdminsMayUseTheReadersEndpoints(String method, String path, String body) {
        allowed(method, path, body, TestTokens.reader("alice"), TestTokens.admin());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminEndpoints")
    void readersAndCuratorsGet403OnAdminEndpoints(String method, String path, String body) {
        forbidden(call(given().auth().oauth2(TestTokens.reader("alice")), method, path, body));
        forbidden(call(given().auth().oauth2(TestTokens.curator()), method, path, body));
    }

    /** Past access control: an answer, or 404 where the path or the event names a paper that does not exist. */
    private static void allowed(String method, String path, String body, String... tokens) {
        for (String token : tokens) {
            call(given().auth().oauth2(token), method, path, body).then().statusCode(oneOf(200, 404));
        }
    }

    private static void unauthorised(Response response) {
        response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }

    private static void forbidden(Response response) {
        response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    private static Response call(RequestSpecification request, String method, String path, String body) {
        if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        return request.when().request(method, path);
    }

    private static Arguments get(String path) {
        return Arguments.of("GET", path, null);
    }

    private static Arguments post(String path, String body) {
        return Arguments.of("POST", path, body);
    }

    private static Arguments put(String path, String body) {
        return Arguments.of("PUT", path, body);
    }
}
