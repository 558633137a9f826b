package dev.ronbun.ingest.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.edge.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The repros of issue 17 at ingest-service's edge: malformed Content-Types (500 before authentication), NUL and
 * broken UTF-8 in the URI, and the framework's own refusals (404, 405, 406, 413, 414), each now a problem+json.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class HttpEdgeTest {

    private static final byte[] DOCUMENT = "# Attention Is All You Need (edge test)\n本文。\n"
            .getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"text/", "text", "/", "text/;;;", "multipart/form-data; boundary=", "text/plain; charset=x"})
    void aMalformedContentTypeWithoutATokenIs401(String contentType) {
        RawHttp.Answer answer = post("/api/documents", Map.of("Content-Type", contentType));

        assertProblem(answer, 401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/", "text", "/", "text/;;;", "multipart/form-data; boundary=", "multipart/form-data",
            "text/plain; charset=x"})
    void aMalformedContentTypeWithACuratorTokenIs415(String contentType) {
        RawHttp.Answer answer = post("/api/documents", Map.of("Content-Type", contentType,
                "Authorization", "Bearer " + TestTokens.curator()));

        assertProblem(answer, 415);
        assertThat(json(answer).getString("detail")).contains("Content-Type");
    }

    @Test
    void aMalformedAcceptIs400() {
        assertProblem(post("/api/documents", Map.of("Content-Type", "text/plain", "Accept", "text/",
                "Authorization", "Bearer " + TestTokens.curator())), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/documents?name=a%00b", "/api/documents?name=%ED%A0%80", "/api/documents?name=%C0%80",
            "/api/docu%00ments", "/api/documents/%ED%A0%80"})
    void aNulOrBrokenUtf8InTheUriIs400NamingWhere(String target) {
        RawHttp.Answer answer = post(target, Map.of("Content-Type", "text/plain",
                "Authorization", "Bearer " + TestTokens.curator()));

        assertProblem(answer, 400);
        assertThat(json(answer).getString("detail")).containsAnyOf("path", "query");
    }

    @Test
    void aTargetThatIsNoUriIsRefusedByTheHttpLayerBeforeAnyServiceCode() {
        // Quarkus's own URI check (java.net.URI) answers these with a bare 400 before any route runs; documented.
        for (String target : new String[] {"/api/documents?name=%zz", "/api/documents?name=%", "/api/documents/\u00e9"}) {
            assertThat(post(target, Map.of("Content-Type", "text/plain",
                    "Authorization", "Bearer " + TestTokens.curator())).status()).isEqualTo(400);
        }
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblems() {
        assertProblem(RawHttp.send(RestAssured.port, "GET", "/no-such-page", Map.of(), null), 404);
        assertProblem(RawHttp.send(RestAssured.port, "GET", "/api/no-such-thing",
                Map.of("Authorization", "Bearer " + TestTokens.curator()), null), 404);
        assertProblem(RawHttp.send(RestAssured.port, "GET", "/api/documents",
                Map.of("Authorization", "Bearer " + TestTokens.curator()), null), 405);
        assertProblem(RawHttp.send(RestAssured.port, "DELETE", "/api/documents",
                Map.of("Authorization", "Bearer " + TestTokens.curator()), null), 405);
    }

    @Test
    void aBodyOverTheLimitIs413WithAProblemBody() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST",
                "/api/documents".getBytes(StandardCharsets.US_ASCII),
                Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + TestTokens.curator()), null,
                11L * 1024 * 1024);

        assertProblem(answer, 413);
    }

    @Test
    void aUriOverTheLimitIs414WithAProblemBody() {
        RawHttp.Answer answer = post("/api/documents?name=" + "x".repeat(9000), Map.of("Content-Type", "text/plain",
                "Authorization", "Bearer " + TestTokens.curator()));

        assertProblem(answer, 414);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "ture"})
    void aDryRunThatIsNeitherTrueNorFalseIs400RatherThanAPublication(String value) {
        RawHttp.Answer answer = post("/api/documents?dryRun=" + value, Map.of("Content-Type", "text/markdown",
                "Authorization", "Bearer " + TestTokens.curator()));

        assertProblem(answer, 400);
        assertThat(json(answer).getString("detail")).contains("'dryRun'");
    }

    @Test
    void aWellFormedDocumentStillGoesThrough() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/documents?dryRun=true",
                Map.of("Content-Type", "text/markdown; charset=UTF-8", "Authorization", "Bearer " + TestTokens.curator()),
                DOCUMENT);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private static RawHttp.Answer post(String target, Map<String, String> headers) {
        return RawHttp.send(RestAssured.port, "POST", target, headers, DOCUMENT);
    }

    private static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(json(answer).getInt("status")).isEqualTo(status);
    }

    private static JsonPath json(RawHttp.Answer answer) {
        return new JsonPath(answer.text());
    }
}
