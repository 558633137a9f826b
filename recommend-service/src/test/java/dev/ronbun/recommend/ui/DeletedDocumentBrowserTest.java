package dev.ronbun.recommend.ui;

import static dev.ronbun.recommend.TestPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.Topics;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 20: a paper whose last document a curator deleted (embed-service then tombstones it on the papers topic)
 * disappears from a search page that is open, and from the page opened again.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class DeletedDocumentBrowserTest extends ChromiumTest {

    static final TestPapers.Builder DELETED = paper("deleted-document-page-gone", "Retractable Adapters Gone Tomorrow")
            .kind("deleted-document-page-test").vector(0.2f, 0.7f, -0.6f).text("取り消される文書の要約。");
    static final TestPapers.Builder KEPT = paper("deleted-document-page-kept", "Retractable Adapters That Stay")
            .kind("deleted-document-page-test").vector(0.25f, 0.65f, -0.6f).text("残る文書の要約。");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDeletedDocumentDisappearsFromTheSearchPage() {
        TestPapers.publishAndAwait(DELETED.build(), KEPT.build());
        By deletedRow = By.cssSelector("#results li[data-paper-id='" + DELETED.id() + "']");
        By keptRow = By.cssSelector("#results li[data-paper-id='" + KEPT.id() + "']");
        // A curator (who would delete documents): no reader, so the paper page below runs no save form whose success
        // would clear the page's status line under the test.
        chromium.open(base + "search.html?q=Retractable#token=" + TestTokens.curator());
        chromium.await(deletedRow);
        chromium.await(keptRow);

        TestTopics.send(Topics.PAPERS.name(), DELETED.id(), null);

        chromium.awaitTrue("the deleted paper gone from the open search page",
                () -> chromium.driver().findElements(deletedRow).isEmpty());
        assertThat(chromium.driver().findElements(keptRow)).hasSize(1);
        chromium.open(base + "search.html?q=Retractable");
        chromium.await(keptRow);
        assertThat(chromium.driver().findElements(deletedRow)).isEmpty();
        // the paper page of the deleted paper never finishes loading: it says why instead
        chromium.driver().get(base + "paper.html?id=" + DELETED.id());
        chromium.awaitTrue("the paper page says the paper is not there",
                () -> !chromium.await(By.id("page-status")).getText().isBlank());
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
    }
}
