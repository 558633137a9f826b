package dev.ronbun.recommend.ui;

import static dev.ronbun.recommend.TestPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Saving from the paper page with tags puts the paper in the reader page's library, under its tag; undo takes it out. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class LibraryBrowserTest extends ChromiumTest {

    static final TestPapers.Builder S4 = paper("arxiv:2111.00396", "Efficiently Modeling Long Sequences")
            .arxiv("2111.00396").kind("library-page-test").vector(0.7f, -0.7f, 0.1f).text("構造化状態空間。");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPaperSavedWithTagsAppearsInTheLibraryUnderItsTagAndUndoTakesItOut() {
        TestPapers.publishAndAwait(S4.build());
        String reader = "reader-" + UUID.randomUUID();
        String row = "#library li[data-paper-id='" + S4.id() + "']";

        chromium.open(base + "paper.html?id=" + S4.id() + "#token=" + TestTokens.reader(reader));
        chromium.await(By.cssSelector("#save-form:not([hidden])"));
        chromium.driver().findElement(By.id("save-tags")).sendKeys("状態空間, to-read");
        chromium.driver().findElement(By.id("save-button")).click();
        chromium.await(By.cssSelector("#unsave-button:not([hidden])"));

        chromium.open(base + "reader.html?id=" + reader);
        String saved = chromium.await(By.cssSelector(row)).getText();
        String tags = chromium.driver().findElement(By.id("library-tags")).getText();

        chromium.open(base + "paper.html?id=" + S4.id());
        chromium.await(By.cssSelector("#unsave-button:not([hidden])")).click();
        chromium.await(By.cssSelector("#unsave-button[hidden]"));
        chromium.open(base + "reader.html?id=" + reader);
        chromium.await(By.cssSelector("#library[data-count='0']"));

        assertThat(saved).contains("Efficiently Modeling Long Sequences", "状態空間", "to-read");
        assertThat(tags).contains("すべて", "状態空間 (1)", "to-read (1)");
        assertThat(chromium.driver().findElements(By.cssSelector(row))).isEmpty();
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
    }
}
