package dev.ronbun.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class DocumentResourceTest {

    static final String STRUCTURED = """
            # Denoising Diffusion Probabilistic Models (resource test)
            [View Paper](https://arxiv.org/abs/2006.11239v2)

            ## 1. 先行研究では何ができなかったのか
            生成モデルの品質と学習の安定性を両立できなかった。

            ## 8. この論文を140字以内のツイートで要約すると？
            ノイズを少しずつ取り除く拡散モデルで高品質な画像生成を実現。

            ---

            # Learning Transferable Visual Models From Natural Language Supervision (resource test)
            [View Paper](https://arxiv.org/abs/2103.00020)

            ## 1. 先行研究では何ができなかったのか
            固定ラベルの分類しか学べなかった。

            ## 8. この論文を140字以内のツイートで要約すると？
            画像と文章の対照学習でゼロショット分類を可能にした CLIP。
            """;

    @Test
    void publishesEachPaperOfADocumentKeyedByPaperKeyAfterTheBrokerCommitted() {
        List<String> keys = given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown; charset=UTF-8").body(STRUCTURED)
                .queryParam("name", "resource-test.md")
                .when().post("/api/documents")
                .then().statusCode(202)
                .body("format", equalTo("structured-summary"))
                .body("paperKeys", hasSize(2))
                .extract().jsonPath().getList("paperKeys");

        assertThat(keys).containsExactly("arxiv:2006.11239", "arxiv:2103.00020");
        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(5))
                .stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> "resource-test.md".equals(s.documentName())).toList();
        assertThat(published).extracting(SummaryEvent::paperKey).containsExactlyInAnyOrder(keys.toArray(String[]::new));
        assertThat(published).allSatisfy(s -> {
            assertThat(s.documentId()).hasSize(64);
            assertThat(s.format()).isEqualTo("structured-summary");
        });
    }

    @Test
    void documentsPostedAtTheSameTimeAreAllPublished() throws Exception {
        List<String> bodies = java.util.stream.IntStream.range(0, 10)
                .mapToObj(n -> STRUCTURED.replace("(resource test)", "(concurrent " + n + ")")
                        .replace("2006.11239", "2006.2" + String.format("%04d", n))
                        .replace("2103.00020", "2103.3" + String.format("%04d", n)))
                .toList();
        String token = TestTokens.curator();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(5)) {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int n = 0; n < bodies.size(); n++) {
                String body = bodies.get(n);
                String name = "concurrent-" + n + ".md";
                statuses.add(threads.submit(() -> given().auth().oauth2(token)
                        .contentType("text/markdown; charset=UTF-8").body(body).queryParam("name", name)
                        .when().post("/api/documents").then().extract().statusCode()));
            }
            for (var status : statuses) {
                assertThat(status.get()).as("every document is accepted, none fails on a busy producer")
                        .isEqualTo(202);
            }
        }
        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(5))
                .stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> s.documentName() != null && s.documentName().startsWith("concurrent-")).toList();
        assertThat(published).hasSize(2 * bodies.size());
    }

    @Test
    void theSameDocumentIngestedTwicePublishesNothingNew() {
        String body = STRUCTURED.replace("(resource test)", "(twice)");
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown").body(body).queryParam("name", "twice-1.md")
                .when().post("/api/documents").then().statusCode(202).body("duplicate", equalTo(false));
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown").body(body).queryParam("name", "twice-2.md")
                .when().post("/api/documents").then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("published", equalTo(false))
                .body("paperKeys", hasSize(2));

        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(5))
                .stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> s.documentName().startsWith("twice-")).toList();
        assertThat(published).hasSize(2).allSatisfy(s -> assertThat(s.documentName()).isEqualTo("twice-1.md"));
    }

    @Test
    void aPaperThatFailsValidationGoesToTheDeadLetterTopicWhileTheOthersArePublished() {
        String body = """
                2026-02-03 機械学習勉強会

                @Aoi Sato

                [論文] Scaling Laws for Neural Language Models (dead letter test)

                  • モデルの大きさとデータ量と計算量の関係を調べた

                @Ken Ito

                [論文] 🙏🙏🙏

                  • タイトルの代わりに絵文字だけが書かれた発表
                """;
        List<String> keys = given().auth().oauth2(TestTokens.curator())
                .contentType("text/plain").body(body).queryParam("name", "dead-letter.txt")
                .when().post("/api/documents").then().statusCode(202)
                .body("rejected", hasSize(1))
                .body("rejected[0].reason", containsString("cannot be identified"))
                .extract().jsonPath().getList("paperKeys");
        assertThat(keys).containsExactly("title:scaling laws for neural language models dead letter test");

        List<ConsumerRecord<String, String>> dead = TestTopics.read(Topics.SUMMARIES.deadLetter(), Integer.MAX_VALUE,
                Duration.ofSeconds(5)).stream().filter(r -> r.value().contains("dead-letter.txt")).toList();
        assertThat(dead).hasSize(1);
        assertThat(TestTopics.header(dead.getFirst(), Topics.DEAD_LETTER_REASON_HEADER)).contains("no letters or digits");
    }

    @Test
    void aDryRunReturnsTheParsedPapersAndPublishesNothing() {
        String body = STRUCTURED.replace("(resource test)", "(dry run)");
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/markdown").body(body).queryParam("dryRun", true).queryParam("name", "dry.md")
                .when().post("/api/documents")
                .then().statusCode(200)
                .body("published", equalTo(false))
                .body("papers", hasSize(2))
                .body("papers[0].arxivId", equalTo("2006.11239"));

        assertThat(TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> "dry.md".equals(s.documentName()))).isEmpty();
    }

    @Test
    void anUploadedFileIsIngestedLikeABody() {
        given().auth().oauth2(TestTokens.curator())
                .multiPart("file", "upload.md", STRUCTURED.replace("(resource test)", "(upload)")
                        .getBytes(StandardCharsets.UTF_8), "text/markdown")
                .when().post("/api/documents")
                .then().statusCode(202)
                .body("paperKeys", hasSize(2));
    }

    @Test
    void badDocumentsGetAProblemSayingWhatWasWrong() {
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/plain").body("").when().post("/api/documents").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("empty"));
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/plain").body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0xc3})
                .when().post("/api/documents").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("UTF-8"));
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/plain").body(new byte[] {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41})
                .when().post("/api/documents").then().statusCode(415)
                .body("detail", containsString("binary"));
        given().auth().oauth2(TestTokens.curator()).contentType("text/plain").body("x".repeat(2 * 1024 * 1024 + 1))
                .when().post("/api/documents").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("limit"));
        given().auth().oauth2(TestTokens.curator())
                .contentType("text/plain").body(STRUCTURED).queryParam("format", "tweet-thread")
                .when().post("/api/documents").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("tweet-thread"));
        given().auth().oauth2(TestTokens.curator()).contentType("application/pdf").body(new byte[] {1, 2, 3})
                .when().post("/api/documents").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void theApiDocumentationListsTheDocumentFormatsFromTheirOneDefinition() {
        io.restassured.path.json.JsonPath api = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        List<String> formats = Arrays.stream(DocumentFormat.values()).map(DocumentFormat::wireName).toList();

        List<java.util.Map<String, Object>> parameters = api.getList("paths.'/api/documents'.post.parameters");
        assertThat(parameters).filteredOn(p -> "format".equals(p.get("name"))).singleElement()
                .extracting(p -> ((java.util.Map<?, ?>) p.get("schema")).get("enum")).isEqualTo(formats);
        assertThat(api.getList("paths.'/api/documents'.post.requestBody.content.'multipart/form-data'.schema.properties.format.enum"))
                .isEqualTo(formats);
    }
}
