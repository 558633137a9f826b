package dev.ronbun.recommend.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.analytics.WebUiTestProfile;
import dev.ronbun.recommend.feeds.IngestFeedsStandIn;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The フィード page in a real browser, signed in as a curator: a feed URL is added, listed, polled (its entry count
 * shows), refused with ingest's reason, and removed. Feed requests go through this service to a stand-in of
 * ingest-service's feed API (the end-to-end test runs the real one).
 */
@QuarkusTest
@TestProfile(WebUiTestProfile.class)
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class FeedPageBrowserTest extends ChromiumTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCuratorAddsAFeedSeesItsEntryCountAfterAPollAndRemovesIt() {
        String url = "https://notes.example.org/" + UUID.randomUUID() + "/atom.xml";
        chromium.open(base + "feeds.html#token=" + TestTokens.curator());
        assertThat(chromium.driver().findElement(By.cssSelector(".site-nav a[aria-current='page']")).getText())
                .isEqualTo("フィード");

        chromium.driver().findElement(By.id("feed-url")).sendKeys(url);
        chromium.driver().findElement(By.id("feed-name")).sendKeys("論文メモのフィード");
        chromium.driver().findElement(By.id("feed-add")).click();
        WebElement row = chromium.await(By.xpath("//tbody[@id='feeds']/tr[.//a[text()='" + url + "']]"));
        assertThat(row.getText()).contains("論文メモのフィード").contains("未取得");

        clickInRow(url, "button.poll");
        chromium.awaitTrue("the entry count after the poll", () -> entriesOf(url).equals(
                String.valueOf(IngestFeedsStandIn.ENTRIES_PER_POLL)));
        assertThat(rowOf(url).getText()).contains("正常");
        chromium.screenshot("feeds");

        chromium.driver().findElement(By.id("feed-url")).sendKeys("http://refused.example/feed.xml");
        chromium.driver().findElement(By.id("feed-add")).click();
        chromium.awaitTrue("ingest's reason for refusing the URL", () -> chromium.driver()
                .findElement(By.id("feed-form-status")).getText().contains("allow-private-addresses"));

        clickInRow(url, "button.remove");
        chromium.awaitTrue("the feed gone from the list", () -> chromium.driver()
                .findElements(By.xpath("//tbody[@id='feeds']/tr[.//a[text()='" + url + "']]")).isEmpty());
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
        assertThat(chromium.recorded("cspViolations")).as("Content-Security-Policy violations").isEmpty();
    }

    private static WebElement rowOf(String url) {
        return chromium.driver().findElement(By.xpath("//tbody[@id='feeds']/tr[.//a[text()='" + url + "']]"));
    }

    /** The list is drawn again whenever it changes (an add, a refusal), so a row found a moment ago may be gone. */
    private static void clickInRow(String url, String button) {
        chromium.awaitTrue(button + " of " + url + " clicked", () -> {
            try {
                rowOf(url).findElement(By.cssSelector(button)).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static String entriesOf(String url) {
        try {
            return rowOf(url).getAttribute("data-entries-ingested");
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }
}
