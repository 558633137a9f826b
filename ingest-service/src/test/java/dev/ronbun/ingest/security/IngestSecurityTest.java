package dev.ronbun.ingest.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.infra.testing.OversizedRequest;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may ingest (curators and admins), and what protects the endpoint: size limit, rate limit, headers, CORS. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class IngestSecurityTest {

    private static final String DOCUMENT = """
            # Attention Is All You Need (security test)
            [View Paper](https://arxiv.org/abs/1706.03762)

            ## 1. 先行研究では何ができなかったのか
            再帰なしで系列を扱えなかった。
            """;

    @ParameterizedTest
    @ValueSource(strings = {"body", "upload"})
    void withoutATokenIngestIsA401ProblemWithABearerChallenge(String shape) {
        post(given(), shape).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("detail", containsString("Bearer"));
    }

    @Test
    void expiredForeignAndMalformedTokensAre401() {
        for (String token : new String[] {TestTokens.expired("curator", "test-curator"),
                TestTokens.signedByAnotherKey("curator", "test-curator"), "not-a-token"}) {
            post(given().auth().oauth2(token), "body").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"body", "upload"})
    void aReaderMayNotIngestA403Problem(String shape) {
        post(given().auth().oauth2(TestTokens.reader("alice")), shape).then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void curatorsAndAdminsMayIngest() {
        post(given().auth().oauth2(TestTokens.curator()), "body").then().statusCode(200);
        post(given().auth().oauth2(TestTokens.admin()), "upload").then().statusCode(200);
    }

    @Test
    void aBodyOverTheHttpLimitIsRefusedWith413() {
        int status = OversizedRequest.status(RestAssured.port, "/api/documents?dryRun=true", TestTokens.curator(),
                "text/plain", 11L * 1024 * 1024);

        assertThat(status).isEqualTo(413);
    }

    @Test
    void aCuratorPastTheRateLimitGets429WithRetryAfterWhileOthersGoOn() {
        String busy = TestTokens.token("curator", "busy-curator");
        Response last = null;
        // 60 a minute, refilling one a second: a quick burst runs out well before 120.
        for (int i = 0; i < 120; i++) {
            last = post(given().auth().oauth2(busy), "body");
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        assertThat(last.jsonPath().getString("detail")).contains("try again");
        post(given().auth().oauth2(TestTokens.token("curator", "calm-curator")), "body").then().statusCode(200);
    }

    @Test
    void answersCarrySecurityHeadersAndOnlyTheWebUiOriginPassesCors() {
        post(given().auth().oauth2(TestTokens.curator()), "body").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));

        given().header("Origin", "http://127.0.0.1:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/documents")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
        Response foreign = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/documents");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    private static Response post(RequestSpecification request, String shape) {
        if (shape.equals("upload")) {
            return request.multiPart("file", "security.md", DOCUMENT.getBytes(StandardCharsets.UTF_8), "text/markdown")
                    .when().post("/api/documents?dryRun=true");
        }
        return request.contentType("text/markdown; charset=UTF-8").body(DOCUMENT)
                .when().post("/api/documents?dryRun=true");
    }
}
