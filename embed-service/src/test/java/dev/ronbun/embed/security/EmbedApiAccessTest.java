package dev.ronbun.embed.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.infra.testing.OversizedRequest;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Any signed-in role may embed (recommend-service passes its caller's token on); only admins run the re-embed. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_embed_access"))
class EmbedApiAccessTest {

    private static final String QUERY = "{\"texts\":[\"拡散モデル\"],\"mode\":\"query\"}";

    @Test
    void embeddingWantsAValidTokenOfAnyRole() {
        unauthorised(given().contentType("application/json").body(QUERY).when().post("/api/embeddings"));
        unauthorised(given().auth().oauth2(TestTokens.expired("reader", "alice")).contentType("application/json")
                .body(QUERY).when().post("/api/embeddings"));

        given().auth().oauth2(TestTokens.reader("alice")).contentType("application/json").body(QUERY)
                .when().post("/api/embeddings")
                .then().statusCode(200).body("vectors.size()", equalTo(1))
                .header("X-Content-Type-Options", "nosniff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST"})
    void theReembedIsForAdminsOnly(String method) {
        unauthorised(given().when().request(method, "/api/admin/reembed"));
        unauthorised(given().auth().oauth2(TestTokens.signedByAnotherKey("admin", "x"))
                .when().request(method, "/api/admin/reembed"));
        for (String token : new String[] {TestTokens.reader("alice"), TestTokens.curator()}) {
            given().auth().oauth2(token).when().request(method, "/api/admin/reembed")
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        }
    }

    @Test
    void anAdminFollowsTheReembed() {
        given().auth().oauth2(TestTokens.admin()).when().get("/api/admin/reembed").then().statusCode(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        assertThat(OversizedRequest.status(RestAssured.port, "/api/embeddings", TestTokens.reader("alice"),
                "application/json", 2L * 1024 * 1024)).isEqualTo(413);
    }

    private static void unauthorised(Response response) {
        response.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }
}
