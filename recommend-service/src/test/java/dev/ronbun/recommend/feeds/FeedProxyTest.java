package dev.ronbun.recommend.feeds;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.analytics.WebUiTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The feed API the web UI calls on this service, forwarded to ingest-service's stand-in over real HTTP. */
@QuarkusTest
@TestProfile(WebUiTestProfile.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class FeedProxyTest {

    /** The stand-in the test profile started, in the application's class loader: asked over HTTP. */
    private static List<IngestFeedsStandIn.Received> received() {
        return IngestFeedsStandIn.receivedBy(
                ConfigProvider.getConfig().getValue("ronbun.recommend.ingest-url", String.class));
    }

    @Test
    void aCuratorsRequestsReachIngestWithTheCallersTokenAndIngestsAnswersComeBackAsTheyWere() {
        String url = "https://notes.example.org/" + UUID.randomUUID() + "/feed.xml";
        String curator = TestTokens.curator();
        int before = received().size();

        int id = given().auth().oauth2(curator).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"name\":\"読書メモ\"}")
                .when().post("/api/feeds")
                .then().statusCode(201).body("url", equalTo(url)).body("name", equalTo("読書メモ"))
                .extract().path("id");
        given().auth().oauth2(curator).when().post("/api/feeds/" + id + "/poll")
                .then().statusCode(200).body("entriesIngested", equalTo(IngestFeedsStandIn.ENTRIES_PER_POLL));
        given().auth().oauth2(curator).when().get("/api/feeds")
                .then().statusCode(200).body("url", hasItem(url));
        given().auth().oauth2(curator).when().delete("/api/feeds/" + id).then().statusCode(204);

        List<IngestFeedsStandIn.Received> all = received();
        List<IngestFeedsStandIn.Received> received = all.subList(before, all.size());
        assertThat(received).extracting(IngestFeedsStandIn.Received::authorization).containsOnly("Bearer " + curator);
        assertThat(received).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /api/feeds",
                "POST /api/feeds/" + id + "/poll", "GET /api/feeds", "DELETE /api/feeds/" + id);
        assertThat(received.getFirst().body()).contains(url).contains("読書メモ");
    }

    @Test
    void ingestsProblemIsPassedThroughUnchanged() {
        given().auth().oauth2(TestTokens.curator()).contentType(ContentType.JSON)
                .body("{\"url\":\"http://refused.example/feed\"}")
                .when().post("/api/feeds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/feed-url-refused"))
                .body("detail", containsString("allow-private-addresses"));
        given().auth().oauth2(TestTokens.curator()).when().get("/api/feeds/424242")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/feed-not-found"));
    }

    @Test
    void aReaderMayNotSeeFeedsAndAnIdThatIsNotANumberNeverReachesIngest() {
        int before = received().size();

        given().auth().oauth2(TestTokens.reader("feed-reader")).when().get("/api/feeds")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.curator()).when().get("/api/feeds/1 OR 1=1")
                .then().statusCode(404).contentType("application/problem+json");

        assertThat(received()).hasSize(before);
    }
}
