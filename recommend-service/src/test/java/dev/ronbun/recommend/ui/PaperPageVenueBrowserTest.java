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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The paper page shows where and when a paper was published, from its citation, next to its authors. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class PaperPageVenueBrowserTest extends ChromiumTest {

    static final String KIND = "venue-page-test";
    static final TestPapers.Builder DDPM = paper("arxiv:2006.11239", "Denoising Diffusion Probabilistic Models")
            .arxiv("2006.11239").kind(KIND).vector(-0.2f, -0.9f, 0.4f).published("NeurIPS", 2020)
            .text("拡散過程を逆向きに学習して画像を生成する。");
    static final TestPapers.Builder UNCITED = paper("title:notes without a citation", "Notes Without A Citation")
            .kind(KIND).vector(-0.9f, -0.2f, 0.4f).text("引用情報のないメモ。");

    @TestHTTPResource("/")
    URL base;

    @Test
    void theVenueAndYearStandNextToTheAuthorsAndNothingStandsThereWithoutThem() {
        TestPapers.publishAndAwait(DDPM.build(), UNCITED.build());

        chromium.open(base + "paper.html?id=" + DDPM.id() + "#token=" + TestTokens.reader("venue-reader"));
        String venue = chromium.driver().findElement(By.id("paper-venue")).getText();
        chromium.open(base + "paper.html?id=" + UNCITED.id());

        assertThat(venue).isEqualTo("NeurIPS 2020");
        assertThat(chromium.driver().findElements(By.id("paper-venue"))).isEmpty();
        assertThat(chromium.recorded("errors")).as("script errors").isEmpty();
    }
}
