package dev.ronbun.embed.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.edge.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 at embed-service's edge: texts with a NUL or a lone surrogate, bodies that are not JSON, malformed
 * Content-Types, and the per-principal limit on texts embedded (64 long texts a request from a reader token).
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_access"))
class HttpEdgeTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"texts\":[\"x\\u0000y\"]}", "{\"texts\":[\"ok\",\"\\ud800\"]}",
            "{\"texts\":[\"\\udc00 alone\"]}", "{\"texts\":[\"ok\"],\"mode\":\"q\\u0000\"}"})
    void aTextWithANulOrALoneSurrogateIs400NamingIt(String body) {
        given().auth().oauth2(TestTokens.reader("edge-nul")).contentType("application/json").body(body)
                .when().post("/api/embeddings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("contains"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "{\"texts\":\"one\"}", "[[[[[[[[[[", "{\"texts\":[1,2", "\"\\ud800\""})
    void aBodyThatIsNotTheExpectedJsonIs400Problem(String body) {
        given().auth().oauth2(TestTokens.reader("edge-json")).contentType("application/json").body(body)
                .when().post("/api/embeddings")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void bytesThatAreNotUtf8Are400Problem() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/embeddings",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + TestTokens.reader("edge-bytes")),
                new byte[] {'{', '"', 't', 'e', 'x', 't', 's', '"', ':', '[', '"', (byte) 0xff, (byte) 0xfe, '"', ']', '}'});

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/", "text", "/", "text/;;;", "application/json; charset=nope"})
    void aMalformedContentTypeIs401WithoutATokenAnd415WithOne(String contentType) {
        byte[] body = "{\"texts\":[\"x\"]}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer anonymous = RawHttp.send(RestAssured.port, "POST", "/api/embeddings",
                Map.of("Content-Type", contentType), body);
        RawHttp.Answer signedIn = RawHttp.send(RestAssured.port, "POST", "/api/embeddings",
                Map.of("Content-Type", contentType, "Authorization", "Bearer " + TestTokens.reader("edge-ct")), body);

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(415);
        assertThat(signedIn.isProblem()).isTrue();
    }

    @Test
    void aReaderSendingSixtyFourTextsARequestIsLimitedWith429AndRetryAfterWhileAnAdminIsNot() {
        String texts = "{\"texts\":[" + String.join(",", Collections.nCopies(64, "\"拡散モデル\"")) + "],\"mode\":\"passage\"}";
        Response last = null;
        // 256 texts a minute: the fifth request of 64 finds the bucket empty.
        for (int i = 0; i < 6; i++) {
            last = given().auth().oauth2(TestTokens.reader("edge-eager")).contentType("application/json").body(texts)
                    .when().post("/api/embeddings");
            if (last.statusCode() == 429) {
                assertThat(i).as("requests that went through first").isEqualTo(4);
                break;
            }
            assertThat(last.statusCode()).isEqualTo(200);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).isEqualTo("application/problem+json");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        given().auth().oauth2(TestTokens.reader("edge-calm")).contentType("application/json")
                .body("{\"texts\":[\"拡散モデル\"]}").when().post("/api/embeddings").then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(texts)
                    .when().post("/api/embeddings").then().statusCode(200);
        }
    }
}
