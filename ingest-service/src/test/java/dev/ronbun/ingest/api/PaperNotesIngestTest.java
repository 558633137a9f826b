package dev.ronbun.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A one-paper post with front matter goes through the API: its tags and references reach the summary event. */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class PaperNotesIngestTest {

    static final String POST = """

            ---
            title: "Denoising Diffusion Implicit Models (paper notes test)"
            date: "2024-07-01"
            tags: ["diffusion", "sampling"]
            author: "ronbun-team"
            ---
            ## 1. どんなもの？
            拡散モデルの生成過程を非マルコフ的に書き直し、少ないステップで決定的にサンプリングする。

            ## 2. 先行研究と比べてどこがすごいの？
            DDPM と同じ学習済みモデルのまま、10 倍から 50 倍速く生成できる。

            ## 6. 次に読むべき論文はあるか？
            - [Denoising Diffusion Probabilistic Models](https://arxiv.org/abs/2006.11239)
            """;

    @Test
    void publishesThePostAsOnePaperWithItsTagsAndNextToReadReferences() {
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown; charset=UTF-8").body(POST)
                .queryParam("name", "2024-07-01-ddim.md")
                .when().post("/api/documents")
                .then().statusCode(202)
                .body("format", equalTo("paper-notes"))
                .body("paperKeys", hasSize(1))
                .body("warnings", hasSize(0));

        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE,
                        Duration.ofSeconds(10)).stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> "2024-07-01-ddim.md".equals(s.documentName())).toList();
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("Denoising Diffusion Implicit Models (paper notes test)");
            assertThat(event.sourceDate()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(event.tags()).containsExactly("diffusion", "sampling");
            assertThat(event.references()).containsExactly(new Reference("Denoising Diffusion Probabilistic Models",
                    "2006.11239", "https://arxiv.org/abs/2006.11239"));
            assertThat(event.summary()).startsWith("拡散モデルの生成過程を").doesNotContain("title:");
        });
    }

    @Test
    void aPostWhoseFrontMatterDoesNotParseIsIngestedFromItsBodyWithAWarning() {
        String broken = POST.replace("tags: [\"diffusion\", \"sampling\"]", "tags: [diffusion")
                .replace("(paper notes test)", "(broken front matter)");

        given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown; charset=UTF-8").body(broken)
                .queryParam("name", "broken.md").queryParam("dryRun", true)
                .when().post("/api/documents")
                .then().statusCode(200)
                .body("format", equalTo("paper-notes"))
                .body("warnings", hasSize(2))
                .body("warnings[0]", containsString("front matter could not be read"))
                .body("warnings[1]", containsString("taken from the file name"))
                .body("papers[0].title", equalTo("broken"))
                .body("papers[0].sections.heading", contains("1. どんなもの？", "2. 先行研究と比べてどこがすごいの？",
                        "6. 次に読むべき論文はあるか？"));
    }

    @Test
    void aPostWithNoTitleAnywhereIsTitledByItsFileNameAndSaysSo() {
        String untitled = "## どんなもの？\n音声を自己教師ありで表現学習する。\n\n## 議論はある？\n計算量が大きい。\n";

        given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown; charset=UTF-8").body(untitled)
                .queryParam("name", "2020-06-20-wav2vec-2.0-notes.md").queryParam("dryRun", true)
                .when().post("/api/documents")
                .then().statusCode(200)
                .body("papers[0].title", equalTo("wav2vec 2.0 notes"))
                .body("papers[0].sourceDate", equalTo("2020-06-20"))
                .body("warnings[0]", containsString("taken from the file name"));
    }
}
