package dev.ronbun.ingest.feeds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the production setting, a feed on a loopback or private address is refused when it is registered. */
@QuarkusTest
@TestProfile(PrivateFeedAddressTest.PublicFeedsOnly.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class PrivateFeedAddressTest {

    public static class PublicFeedsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ronbun.ingest.feeds.allow-private-addresses", "false");
        }
    }

    @Test
    void aFeedOnAPrivateAddressIsRefusedWithA400Problem() {
        for (String url : new String[] {"http://127.0.0.1:8081/api/documents", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.8/feed.xml", "http://localhost/feed"}) {
            given().auth().oauth2(TestTokens.curator()).contentType("application/json")
                    .body(Map.of("url", url))
                    .when().post("/api/feeds")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("detail", containsString("allow-private-addresses"));
        }
    }
}
