package dev.ronbun.recommend.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;

import dev.ronbun.infra.testing.OversizedRequest;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

/** Limits and headers around the API: body size, write rate per reader, security headers, CORS, and quiet logs. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class HardeningTest {

    private static final String EVENT = "{\"paperId\":\"no-such-paper\",\"type\":\"read\"}";

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        int status = OversizedRequest.status(RestAssured.port, "/api/readers/big/events", TestTokens.reader("big"),
                "application/json", 100 * 1024);

        assertThat(status).isEqualTo(413);
    }

    @Test
    void aReaderWritingPastTheRateLimitGets429WithRetryAfterWhileOtherReadersGoOn() {
        String reader = "eager-reader";
        Response last = null;
        // 60 a minute, refilling one a second: a quick burst runs out well before 120.
        for (int i = 0; i < 120; i++) {
            last = given().auth().oauth2(TestTokens.reader(reader)).contentType("application/json").body(EVENT)
                    .when().post("/api/readers/{reader}/events", reader);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).as("an unknown paper, past the limiter").isEqualTo(404);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        given().auth().oauth2(TestTokens.reader("calm-reader")).contentType("application/json").body(EVENT)
                .when().post("/api/readers/{reader}/events", "calm-reader").then().statusCode(404);
    }

    @Test
    void apiAnswersCarrySecurityHeadersEvenWhenRefused() {
        for (Response response : List.of(
                given().auth().oauth2(TestTokens.reader("alice")).when().get("/api/papers"),
                given().when().get("/api/papers"))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Cache-Control", "no-store");
        }
    }

    @Test
    void corsLetsOnlyTheWebUiOriginCallWithAToken() {
        given().header("Origin", "http://127.0.0.1:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/readers/alice/events")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://127.0.0.1:8080")
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "http://127.0.0.1:8080").auth().oauth2(TestTokens.reader("alice"))
                .when().get("/api/papers")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalToIgnoringCase("http://127.0.0.1:8080"));

        Response foreign = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/papers");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void logsNeverContainATokenEvenWhenItIsRefused() {
        List<String> tokens = List.of(TestTokens.reader("alice"), TestTokens.admin(),
                TestTokens.expired("reader", "alice"), TestTokens.signedByAnotherKey("admin", "mallory"),
                TestTokens.reader("mallory"));
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final PatternFormatter format = new PatternFormatter("%c %s%e");

            @Override
            public void publish(LogRecord record) {
                lines.add(format.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        // At the configured levels: smallrye-jwt's DEBUG output quotes a rejected token, so its categories stay at INFO.
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().auth().oauth2(tokens.get(0)).when().get("/api/readers/alice/history").then().statusCode(200);
            given().auth().oauth2(tokens.get(1)).when().get("/api/admin/reindex").then().statusCode(200);
            given().auth().oauth2(tokens.get(2)).when().get("/api/readers/alice/history").then().statusCode(401);
            given().auth().oauth2(tokens.get(3)).when().get("/api/admin/reindex").then().statusCode(401);
            given().auth().oauth2(tokens.get(4)).when().get("/api/readers/alice/history").then().statusCode(403);
            given().auth().oauth2(tokens.get(0) + "tampered").when().get("/api/papers").then().statusCode(401);
        } finally {
            root.removeHandler(capture);
        }

        assertThat(Logger.getLogger("io.quarkus.smallrye.jwt").isLoggable(Level.FINE)).isFalse();
        assertThat(Logger.getLogger("io.smallrye.jwt").isLoggable(Level.FINE)).isFalse();
        for (String token : tokens) {
            String signature = token.substring(token.lastIndexOf('.') + 1);
            assertThat(lines).noneMatch(line -> line.contains(token) || line.contains(signature));
        }
    }
}
