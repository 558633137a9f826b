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
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The card actions of issue 20 on every list: save with tags and a note from the search results (it appears in the
 * Library page, under its tag), dismiss from a related list, each undone from the toast's 元に戻す through the API;
 * the paper page's arXiv abstract and PDF links and BibTeX copy; the topic map's tooltip on a tap. Its screenshots
 * (target/screenshots/card-actions-*.png) are the README walkthrough's.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class CardActionsBrowserTest extends ChromiumTest {

    static final String KIND = "card-actions-test";
    // Ids of this class alone: the suite's test classes share one database.
    static final TestPapers.Builder SAMBA = paper("arxiv:2406.07522", "Samba: Simple Hybrid State Space Models")
            .titleJa("Samba: 状態空間とスライディング窓注意のハイブリッド").arxiv("2406.07522").kind(KIND)
            .vector(0.2f, 0.9f, 0.1f).keywords("ハイブリッドモデル").text("**Samba** は Mamba と窓付き注意を重ねる。");
    static final TestPapers.Builder GRIFFIN = paper("arxiv:2402.19427", "Griffin: Mixing Gated Linear Recurrences")
            .arxiv("2402.19427").kind(KIND).vector(0.25f, 0.85f, 0.15f).keywords("ハイブリッドモデル")
            .text("ゲート付き線形再帰と局所注意を混ぜる。");
    static final TestPapers.Builder EAGLE = paper("arxiv:2404.05892", "Eagle and Finch: RWKV with Matrix-Valued States")
            .arxiv("2404.05892").kind(KIND).vector(0.3f, 0.8f, 0.2f).keywords("線形再帰")
            .text("行列値の状態を持つ RWKV。");
    static final TestPapers.Builder XLSTM = paper("arxiv:2405.04517", "xLSTM: Extended Long Short-Term Memory")
            .arxiv("2405.04517").kind(KIND).vector(0.35f, 0.75f, 0.25f).keywords("線形再帰")
            .text("指数ゲートと行列メモリの LSTM。");
    /** Published while an undo is offered, of another kind than the search shows: only the index version moves. */
    static final TestPapers.Builder LATECOMER = paper("arxiv:2407.04078", "DotaMath: Decomposition of Thought")
            .arxiv("2407.04078").kind(KIND + "-latecomer").vector(0.9f, 0.1f, 0.3f).keywords("数学推論")
            .text("思考を分解してコード支援で数学を解く。");

    @TestHTTPResource("/")
    URL base;

    private static boolean published;

    @BeforeEach
    void publishOnce() {
        // Quarkus (and its broker) is up only once an instance exists, so not in @BeforeAll.
        if (!published) {
            TestPapers.publishAndAwait(SAMBA.build(), GRIFFIN.build(), EAGLE.build(), XLSTM.build());
            published = true;
        }
    }

    @Test
    void aPaperSavedFromTheSearchResultsAppearsInTheLibraryUnderItsTagAndUndoTakesItOut() {
        String reader = "card-saver-" + UUID.randomUUID();
        chromium.open(base + "search.html?kind=" + KIND + "#token=" + TestTokens.reader(reader));
        chromium.await(By.cssSelector(row("#results", SAMBA) + " .card-actions"));
        chromium.screenshot("card-actions-search");

        chromium.await(By.cssSelector("body[data-index-version]"));
        saveFromCard(row("#results", SAMBA), "ハイブリッド, 状態空間", "");
        // the pointer on the message stops its clock, so the news below has all the time it needs to arrive
        awaitUndoOffered();
        new Actions(chromium.driver()).moveToElement(chromium.driver().findElement(By.id("toast"))).perform();
        long updatesBefore = liveUpdates();
        TestPapers.publish(LATECOMER.build());
        chromium.awaitTrue("the page heard of the new paper and redrew", () -> liveUpdates() > updatesBefore);
        List<String> savedThenUndone = libraryIds(reader);
        // papers arriving do not take the undo off the screen
        awaitUndoOffered();
        // from the top, or the sticky header is drawn where the window was scrolled to
        chromium.js("window.scrollTo(0, 0)");
        chromium.screenshot("card-actions-search-saved");
        undo();
        chromium.awaitTrue("the undo removed the save", () -> libraryIds(reader).isEmpty());
        assertThat(savedThenUndone).containsExactly(SAMBA.id());
        assertThat(button(row("#results", SAMBA), "save").getAttribute("data-saved")).isEqualTo("false");

        saveFromCard(row("#results", GRIFFIN), "ハイブリッド, to-read", "第3節の図を見る");
        chromium.open(base + "library.html");
        String saved = chromium.await(By.cssSelector(row("#library", GRIFFIN))).getText();
        String tags = chromium.driver().findElement(By.id("library-tags")).getText();
        chromium.screenshot("card-actions-library");

        chromium.driver().findElement(By.cssSelector("#library-tags a[data-tag='ハイブリッド']")).click();
        chromium.awaitTrue("the tag's page", () -> chromium.driver().getCurrentUrl().contains("library.html?tag="));
        chromium.awaitLoaded();
        chromium.await(By.cssSelector("#tag-recommendations[data-count]"));
        String tagHeading = chromium.driver().findElement(By.id("tag-recommendations-heading")).getText();
        String bibtexHref = chromium.driver().findElement(By.id("library-bibtex")).getAttribute("data-href");
        chromium.screenshot("card-actions-library-tag");

        button(row("#library", GRIFFIN), "remove").click();
        chromium.awaitTrue("removed from the library", () -> libraryIds(reader).isEmpty());
        undo();
        chromium.awaitTrue("the undo put it back", () -> libraryIds(reader).equals(List.of(GRIFFIN.id())));
        JsonPath restored = library(reader);

        assertThat(saved).contains("Griffin: Mixing Gated Linear Recurrences", "#ハイブリッド", "#to-read",
                "第3節の図を見る", "保存");
        assertThat(tags).contains("すべて", "ハイブリッド (1)", "to-read (1)");
        assertThat(tagHeading).isEqualTo("「ハイブリッド」のおすすめ");
        assertThat(bibtexHref).endsWith("/library.bib?tag=%E3%83%8F%E3%82%A4%E3%83%96%E3%83%AA%E3%83%83%E3%83%89");
        assertThat(restored.getList("items[0].tags")).containsExactly("ハイブリッド", "to-read");
        assertThat(restored.getString("items[0].note")).isEqualTo("第3節の図を見る");
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();

        chromium.open(base + "reader.html?id=" + reader);
        chromium.await(By.cssSelector(row("#library", GRIFFIN)));
        assertThat(chromium.driver().findElement(By.id("library-page-link")).getAttribute("href"))
                .endsWith("library.html");
        chromium.screenshot("card-actions-reader");
    }

    @Test
    void aPaperDismissedFromARelatedListCountsAsDismissedUntilUndone() {
        String reader = "card-dismisser-" + UUID.randomUUID();
        // another paper's page than the BibTeX test's: a link that differs only in its #token would not load anew
        chromium.open(base + "paper.html?id=" + GRIFFIN.id() + "#token=" + TestTokens.reader(reader));
        WebElement related = chromium.await(By.cssSelector("#related li[data-paper-id] .card-actions"));
        String relatedId = related.getAttribute("data-paper-id");
        String item = "#related li[data-paper-id='" + relatedId + "']";

        button(item, "dismissed").click();
        chromium.await(By.cssSelector(item + "[data-dismissed='dismissed']"));
        chromium.awaitTrue("the dismissal in the history", () -> historyTypes(reader, relatedId).contains("dismissed"));
        undo();
        chromium.awaitTrue("the undo in the history", () -> historyTypes(reader, relatedId).contains("undismissed"));

        assertThat(chromium.driver().findElements(By.cssSelector(item + "[data-dismissed]"))).isEmpty();
        assertThat(historyTypes(reader, relatedId)).containsExactly("undismissed", "dismissed");
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
    }

    @Test
    void thePaperPageLinksToTheArxivAbstractAndPdfAndCopiesItsBibTeX() {
        String reader = "card-bibtex-" + UUID.randomUUID();
        try {
            chromium.driver().executeCdpCommand("Browser.grantPermissions", Map.of(
                    "origin", base.toString().replaceAll("/$", ""),
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        } catch (RuntimeException e) {
            // without the permission the page selects the entry for copying by hand, which copied() reads instead
        }
        chromium.open(base + "paper.html?id=" + SAMBA.id() + "#token=" + TestTokens.reader(reader));
        WebElement copy = chromium.await(By.cssSelector("#copy-bibtex:not([hidden])"));
        String entry = copy.getAttribute("data-bibtex");
        copy.click();
        chromium.awaitTrue("copied or selected", () -> !copied().isEmpty());
        chromium.js("window.scrollTo(0, 0)");
        chromium.screenshot("card-actions-paper");

        assertThat(chromium.driver().findElement(By.id("arxiv-link")).getAttribute("href"))
                .isEqualTo("https://arxiv.org/abs/2406.07522");
        assertThat(chromium.driver().findElement(By.id("arxiv-pdf-link")).getAttribute("href"))
                .isEqualTo("https://arxiv.org/pdf/2406.07522");
        assertThat(entry).startsWith("@misc{").contains("title = {Samba: Simple Hybrid State Space Models}",
                "eprint = {2406.07522}", "archivePrefix = {arXiv}", "url = {https://arxiv.org/abs/2406.07522}");
        assertThat(copied()).isEqualTo(entry);
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
    }

    @Test
    void aTapOnTheTopicMapShowsThePapersTitleAndStaysOnTheMap() {
        chromium.phone();
        chromium.driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true,
                "maxTouchPoints", 1));
        try {
            chromium.open(base + "map.html#token=" + TestTokens.reader("card-tapper"));
            WebElement map = chromium.await(By.cssSelector("#topic-map[data-sample-paper]"));
            String paperId = map.getAttribute("data-sample-paper");
            String title = given().auth().oauth2(TestTokens.reader("card-tapper"))
                    .when().get("/api/papers/{id}", paperId).then().statusCode(200).extract().jsonPath()
                    .getString("title");
            @SuppressWarnings("unchecked")
            Map<String, Number> point = (Map<String, Number>) chromium.js("""
                    const map = document.getElementById('topic-map');
                    map.scrollIntoView({ block: 'center' });
                    const r = map.getBoundingClientRect();
                    return { x: r.left + Number(map.dataset.sampleX), y: r.top + Number(map.dataset.sampleY) };""");
            Map<String, Object> touch = Map.of("x", point.get("x"), "y", point.get("y"));

            chromium.driver().executeCdpCommand("Input.dispatchTouchEvent",
                    Map.of("type", "touchStart", "touchPoints", List.of(touch)));
            chromium.driver().executeCdpCommand("Input.dispatchTouchEvent",
                    Map.of("type", "touchEnd", "touchPoints", List.of()));

            chromium.awaitTrue("the tooltip shows the title", () -> map.findElements(By.cssSelector(".chart-tooltip"))
                    .stream().anyMatch(tip -> tip.isDisplayed() && tip.getText().contains(title)));
            chromium.screenshot("card-actions-map-tap");
            assertThat(chromium.driver().getCurrentUrl()).contains("map.html");
            assertThat(chromium.driver().findElement(By.cssSelector(".lead")).getText()).contains("タップ")
                    .doesNotContain("ホバー");
        } finally {
            chromium.driver().executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
            chromium.desktop();
        }
    }

    private static String row(String list, TestPapers.Builder paper) {
        return list + " li[data-paper-id='" + paper.id() + "']";
    }

    /** A card's button, scrolled to the middle of the window: at its top the sticky header would take the click. */
    private static WebElement button(String row, String action) {
        WebElement button = chromium.await(By.cssSelector(row + " .card-actions button[data-action='" + action + "']"));
        chromium.js("arguments[0].scrollIntoView({ block: 'center' })", button);
        return button;
    }

    /**
     * Opens a card's save form, fills it and confirms. The list is drawn again when papers arrive (other test
     * classes publish into the same index); the page holds that back while a save form is open, but a card clicked
     * a moment before a redraw opens its form off the page: then the whole step is tried again on the card as drawn
     * now.
     */
    private static void saveFromCard(String row, String tags, String note) {
        chromium.awaitTrue("saved from " + row, () -> {
            try {
                WebElement save = button(row, "save");
                save.click();
                WebElement form = save.findElement(By.xpath("ancestor::div[contains(@class, 'card-actions')]"))
                        .findElement(By.cssSelector("form.save-form"));
                new WebDriverWait(chromium.driver(), Duration.ofSeconds(5)).until(d -> form.isDisplayed());
                form.findElement(By.name("tags")).sendKeys(tags);
                form.findElement(By.name("note")).sendKeys(note);
                WebElement confirm = form.findElement(By.cssSelector("button[data-action='save-confirm']"));
                chromium.js("arguments[0].scrollIntoView({ block: 'center' })", confirm);
                confirm.click();
                return true;
            } catch (StaleElementReferenceException | TimeoutException e) {
                return false;
            }
        });
        chromium.await(By.cssSelector(row + " button[data-action='save'][data-saved='true']"));
    }

    /** Clicks 元に戻す once the toast offering it is shown. */
    private static void undo() {
        awaitUndoOffered();
        chromium.driver().findElement(By.id("toast-undo")).click();
    }

    /** How many times the page redrew for papers that arrived while it was open. */
    private static long liveUpdates() {
        return ((Number) chromium.js("return Number(document.body.dataset.liveUpdates || 0)")).longValue();
    }

    private static void awaitUndoOffered() {
        chromium.awaitTrue("the toast offers undo", () -> Boolean.TRUE.equals(chromium.js("""
                const toast = document.getElementById('toast');
                return toast.classList.contains('with-undo') && Number(getComputedStyle(toast).opacity) > 0.8;""")));
    }

    /** What the copy button put on the clipboard, or (without clipboard permission) selected for copying by hand. */
    private static String copied() {
        Object text = chromium.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const box = document.getElementById('bibtex-text');
                if (!box.hidden) { done(box.value); return; }
                navigator.clipboard.readText().then(done, () => done(''));""");
        return text == null ? "" : text.toString();
    }

    private static JsonPath library(String reader) {
        return given().auth().oauth2(TestTokens.reader(reader))
                .when().get("/api/readers/{id}/library", reader).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> libraryIds(String reader) {
        return library(reader).getList("items.paperId");
    }

    private static List<String> historyTypes(String reader, String paperId) {
        JsonPath history = given().auth().oauth2(TestTokens.reader(reader))
                .when().get("/api/readers/{id}/history", reader).then().statusCode(200).extract().jsonPath();
        return history.<Map<String, Object>>getList("items").stream()
                .filter(item -> paperId.equals(item.get("paperId"))).map(item -> (String) item.get("type")).toList();
    }
}
