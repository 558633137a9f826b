package dev.ronbun.recommend.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.recommend.analytics.WebUiTestProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(WebUiTestProfile.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class WebPagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/trends.html", "/map.html", "/paper.html", "/reader.html", "/search.html", "/feeds.html",
        "/library.html"})
    void everyPageIsJapaneseAndMayOnlyRunScriptsFromThisServer(String page) {
        given().when().get(page).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<html lang=\"ja\">"))
                .body(containsString("<meta name=\"viewport\""));
    }

    @Test
    void chartsLoadTheEChartsVersionThatMavenBringsIn() throws IOException {
        Properties artifact = new Properties();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/maven/org.mvnpm/echarts/pom.properties")) {
            assertThat(in).as("org.mvnpm:echarts on the classpath").isNotNull();
            artifact.load(in);
        }
        String library = "/_static/echarts/" + artifact.getProperty("version") + "/dist/echarts.esm.min.js";

        given().when().get("/assets/charts.js").then().statusCode(200).body(containsString(library));
        given().when().get(library).then().statusCode(200).contentType(containsString("javascript"));
    }
}
