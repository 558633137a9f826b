package dev.ronbun.recommend.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The UI takes the document shapes and their names from the one definition in contracts, through /api/formats. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class DocumentFormatsResourceTest {

    @Test
    void listsEveryFormatInOrderWithItsJapaneseName() {
        JsonPath formats = given().auth().oauth2(TestTokens.reader("formats-reader"))
                .when().get("/api/formats").then().statusCode(200).extract().jsonPath();

        assertThat(formats.getList("id", String.class))
                .containsExactlyElementsOf(Arrays.stream(DocumentFormat.values()).map(DocumentFormat::wireName).toList());
        assertThat(formats.getString("find { it.id == 'study-group-notes' }.label")).isEqualTo("勉強会ノート");
    }

    @Test
    void wantsASignedInCaller() {
        given().when().get("/api/formats").then().statusCode(401).contentType("application/problem+json");
    }
}
