package dev.ronbun.recommend.ui;

import static dev.ronbun.recommend.TestPapers.paper;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The finished UI (issue 20): summaries' Markdown rendered on the server with raw HTML escaped, score parts folded
 * away on the reader page, and a navigation that fits a 360 px phone.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class PaperMarkdownBrowserTest extends ChromiumTest {

    static final String KIND = "markdown-page-test";
    static final String MARKDOWN = """
            # Mamba ブロック

            **4-bit NormalFloat (NF4):** 量子化の方式。

            *   選択的状態空間
            *   ハードウェアを意識した並列スキャン

            [論文](https://arxiv.org/abs/2312.00752) と [罠](javascript:alert(1))
            <script>alert('x')</script>
            <img src=x onerror="alert(2)">
            """;
    // Ids of this class alone: the suite's test classes share one database, and another class's Mamba would carry
    // another text.
    static final TestPapers.Builder MAMBA = paper("arxiv:2405.21060", "Transformers are SSMs")
            .arxiv("2405.21060").kind(KIND).vector(0.3f, -0.6f, 0.7f).keywords("状態空間モデル").text(MARKDOWN);
    static final TestPapers.Builder S4 = paper("arxiv:2208.04933", "Simplified State Space Layers for Sequence Modeling")
            .arxiv("2208.04933").kind(KIND).vector(0.35f, -0.55f, 0.7f).keywords("状態空間モデル")
            .text("**S4** は長い系列を扱う。");

    @TestHTTPResource("/")
    URL base;

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        // Quarkus (and its broker) is up only once an instance exists, so not in @BeforeAll.
        if (!published) {
            TestPapers.publishAndAwait(MAMBA.build(), S4.build());
            published = true;
        }
    }

    @Test
    void theApiKeepsTheTextAndAddsHtmlThatCarriesNoScriptNorJavascriptLinks() {
        JsonPath paper = given().auth().oauth2(TestTokens.reader("markdown-reader"))
                .when().get("/api/papers/{id}", MAMBA.id()).then().statusCode(200).extract().jsonPath();

        assertThat(paper.getString("summaries[0].summary")).isEqualTo(MARKDOWN);
        for (String html : List.of(paper.getString("summaries[0].summaryHtml"), paper.getString("summaries[0].bodyHtml"))) {
            assertThat(html).contains("<strong>4-bit NormalFloat (NF4):</strong>", "<li>選択的状態空間</li>",
                    "<h1>Mamba ブロック</h1>",
                    "href=\"https://arxiv.org/abs/2312.00752\"", "rel=\"nofollow noopener noreferrer\"", ">罠</a>");
            assertThat(html).doesNotContain("<script", "javascript:", "<img", "href=\"\"").contains("&lt;script&gt;");
            // onerror= survives only as escaped text, never as an attribute of an element.
            assertThat(html.replace("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;", "")).doesNotContain("onerror");
        }
    }

    @Test
    void thePaperPageShowsMarkdownRenderedAndNoRawMarkup() {
        chromium.open(base + "paper.html?id=" + MAMBA.id() + "#token=" + TestTokens.reader("markdown-reader"));

        WebElement summary = chromium.driver().findElement(By.cssSelector("#summaries .summary-text"));
        assertThat(summary.findElement(By.tagName("strong")).getText()).isEqualTo("4-bit NormalFloat (NF4):");
        assertThat(summary.findElements(By.cssSelector("ul > li"))).hasSize(2);
        assertThat(summary.getText()).doesNotContain("**").doesNotContain("# Mamba").contains("<script>alert('x')</script>");
        assertThat(chromium.driver().findElements(By.cssSelector("#summaries script, #summaries img"))).isEmpty();
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
        assertThat(chromium.recorded("cspViolations")).as("CSP violations").isEmpty();
        // The charts' Japanese texts are a module of their own, loaded (and registered) with the chart code.
        assertThat(chromium.js("return performance.getEntriesByType('resource')"
                + ".some((e) => e.name.endsWith('/i18n/langJA.js') && e.responseStatus === 200)")).isEqualTo(true);
        assertThat(chromium.driver().findElement(By.cssSelector("#paper-reads[data-ready='true']"))).isNotNull();
        chromium.screenshot("paper-markdown");
    }

    @Test
    void theReaderPageFoldsTheScorePartsBehindADetailsToggle() {
        String reader = "markdown-reader-scores";
        given().auth().oauth2(TestTokens.reader(reader)).contentType(ContentType.JSON)
                .body(Map.of("keywords", List.of("状態空間モデル")))
                .when().put("/api/readers/{id}/interests", reader).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        chromium.open(base + "reader.html?id=" + reader + "#token=" + TestTokens.reader(reader));
        chromium.awaitTrue("recommendations listed", () -> !chromium.driver()
                .findElements(By.cssSelector("#recommendations li[data-paper-id]")).isEmpty());

        // the page may draw the list a second time once the reader's interests are in (papers other test classes
        // publish change it): a card found before the redraw is looked up again, the assertions unchanged
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement item = chromium.driver().findElement(By.cssSelector("#recommendations li[data-paper-id]"));
                WebElement parts = item.findElement(By.cssSelector("details.score-parts"));
                assertThat(parts.getAttribute("open")).isNull();
                assertThat(parts.findElement(By.tagName("summary")).getText()).isEqualTo("スコアの内訳");
                assertThat(item.getText()).doesNotContain("bm25").doesNotContain("vector").doesNotContain("fused");
                parts.findElement(By.tagName("summary")).click();
                assertThat(parts.getText()).contains("意味の近さ");
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @Test
    void everyNavigationLinkIsOnScreenAt360Pixels() throws Exception {
        chromium.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        try {
            chromium.open(base + "paper.html?id=" + MAMBA.id() + "#token=" + TestTokens.reader("markdown-reader"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> links = (List<Map<String, Object>>) chromium.js("""
                    return [...document.querySelectorAll('.site-nav a')].map((a) => {
                      const r = a.getBoundingClientRect();
                      return { label: a.textContent, left: r.left, right: r.right, width: r.width,
                        viewport: document.documentElement.clientWidth };
                    });""");
            Path shot = chromium.screenshot("nav-360");

            assertThat(links).extracting(link -> link.get("label"))
                    .containsExactly("概要", "トレンド", "トピックマップ", "検索", "読者", "ライブラリ", "フィード");
            for (Map<String, Object> link : links) {
                double viewport = ((Number) link.get("viewport")).doubleValue();
                assertThat(viewport).isLessThanOrEqualTo(360);
                assertThat(((Number) link.get("left")).doubleValue()).as("%s left", link.get("label")).isGreaterThanOrEqualTo(0);
                assertThat(((Number) link.get("right")).doubleValue()).as("%s right", link.get("label"))
                        .isLessThanOrEqualTo(viewport);
                assertThat(((Number) link.get("width")).doubleValue()).isPositive();
            }
            assertThat(Files.size(shot)).isPositive();
        } finally {
            chromium.desktop();
        }
    }
}
