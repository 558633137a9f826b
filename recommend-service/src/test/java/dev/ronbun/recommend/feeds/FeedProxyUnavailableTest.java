package dev.ronbun.recommend.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** In the plain test profile nothing listens at ingest-service's URL (port 1). */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class FeedProxyUnavailableTest {

    @Test
    void feedsAre503ProblemWhenIngestDoesNotAnswer() {
        given().auth().oauth2(TestTokens.curator()).when().get("/api/feeds")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("/problems/ingest-unavailable"))
                .body("detail", containsString("did not answer"));
    }
}
