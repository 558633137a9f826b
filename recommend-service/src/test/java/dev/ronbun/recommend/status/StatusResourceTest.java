package dev.ronbun.recommend.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class StatusResourceTest {

    @Test
    void reportsEachServicesReadinessAndNamesThoseThatAreNotReady() {
        // in tests nothing listens at ingest- and embed-service's URLs (port 1); this service's checks are UP once
        // its index is complete (the replay into this run's new index has finished)
        TestPapers.awaitReady();
        given().auth().oauth2(TestTokens.reader("status-reader"))
                .when().get("/api/status")
                .then().statusCode(200)
                .body("ready", equalTo(false))
                .body("notReady", contains("ingest-service", "embed-service"))
                .body("services.name", contains("ingest-service", "embed-service", "recommend-service"))
                .body("services.ready", contains(false, false, true));
    }

    @Test
    void withoutATokenIsA401Problem() {
        given().when().get("/api/status")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }
}
