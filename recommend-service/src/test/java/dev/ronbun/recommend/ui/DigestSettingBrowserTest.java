package dev.ronbun.recommend.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The reader page's メールダイジェスト card shows the setting and changes it. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class DigestSettingBrowserTest extends ChromiumTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theReaderSetsAWeeklyDigestAndTurnsItOffFromTheReaderPage() {
        String reader = "reader-" + UUID.randomUUID();
        chromium.open(base + "reader.html?id=" + reader + "#token=" + TestTokens.reader(reader));
        chromium.await(By.cssSelector("#digest-form[data-frequency='off']"));

        WebElement email = chromium.driver().findElement(By.id("digest-email"));
        email.sendKeys("aoi@example.com");
        chromium.driver().findElement(By.cssSelector("input[name='digest-frequency'][value='weekly']")).click();
        chromium.driver().findElement(By.id("save-digest")).click();
        chromium.await(By.cssSelector("#digest-form[data-frequency='weekly']"));
        String saved = chromium.driver().findElement(By.id("digest-status")).getText();
        String stored = given().auth().oauth2(TestTokens.admin()).when().get("/api/readers/{r}/digest", reader)
                .then().statusCode(200).extract().asString();

        // shown again on the next visit, and turned off from the same card
        chromium.open(base + "reader.html?id=" + reader);
        chromium.await(By.cssSelector("#digest-form[data-frequency='weekly']"));
        String shownEmail = chromium.driver().findElement(By.id("digest-email")).getDomProperty("value");
        chromium.driver().findElement(By.cssSelector("input[name='digest-frequency'][value='off']")).click();
        chromium.driver().findElement(By.id("save-digest")).click();
        chromium.await(By.cssSelector("#digest-form[data-frequency='off']"));

        assertThat(saved).contains("毎週");
        assertThat(stored).contains("\"email\":\"aoi@example.com\"").contains("\"frequency\":\"weekly\"");
        assertThat(shownEmail).isEqualTo("aoi@example.com");
        assertThat(chromium.driver().findElement(By.id("digest-status")).getText()).contains("停止しました");
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
    }
}
