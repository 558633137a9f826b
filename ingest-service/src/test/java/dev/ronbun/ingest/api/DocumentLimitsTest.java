package dev.ronbun.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import dev.ronbun.ingest.config.IngestConfig;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Limits that agree (issue 17, repros 3 and 7): whatever the document size limit accepts is published; one byte more
 * is 413; a document of more papers than the cap is 422; a body of Unicode spaces is 400 like any empty body.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class DocumentLimitsTest {

    @Inject
    IngestConfig config;

    @Test
    void aOneLineDocumentJustUnderTheSizeLimitIsPublished() {
        // the worst case for the event: the line is the paper's section and its body, and half of it needs escaping
        String head = "# Limits Of One Long Line (limits test)\n\n## 概要\n";
        byte[] document = exactly(config.maxDocumentBytes() - 3, head, "注意\"機構\\の\"解析\"と\\推論");

        List<String> keys = post(document, "text/markdown", "one-line.md").then().statusCode(202)
                .body("published", equalTo(true)).body("paperKeys", hasSize(1))
                .extract().jsonPath().getList("paperKeys");

        List<SummaryEvent> published = publishedFrom("one-line.md");
        assertThat(published).singleElement().satisfies(summary -> {
            assertThat(summary.paperKey()).isEqualTo(keys.getFirst());
            assertThat(summary.body().length()).isGreaterThan(600_000);
            assertThat(summary.sections()).singleElement().satisfies(s -> assertThat(s.text().length()).isGreaterThan(600_000));
            assertThat(summary.summary().length()).isLessThanOrEqualTo(2000);
        });
        assertThat(EventJson.write(published.getFirst()).getBytes(StandardCharsets.UTF_8).length)
                .as("the event is far larger than Kafka's default 1 MiB").isGreaterThan(4 * 1024 * 1024);
    }

    @Test
    void aDocumentOfExactlyTheSizeLimitWithTheMostPapersAllowedIsPublished() {
        int papers = config.maxPapersPerDocument();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < papers; i++) {
            text.append("# Paper Number ").append(i).append(" At The Limit (limits test)\n\n");
            text.append("この論文は上限の試験のための本文です。".repeat(180)).append("\n\n");
        }
        byte[] document = exactly(config.maxDocumentBytes(), text.toString(), "余白");

        post(document, "text/markdown", "many-papers.md").then().statusCode(202)
                .body("published", equalTo(true)).body("paperKeys", hasSize(papers));

        assertThat(publishedFrom("many-papers.md")).hasSize(papers);
    }

    @Test
    void oneByteOverTheSizeLimitIs413() {
        byte[] document = exactly(config.maxDocumentBytes() + 1, "# Too Large (limits test)\n\n", "本文");

        post(document, "text/plain", "too-large.txt").then().statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("document-too-large"))
                .body("detail", containsString(Integer.toString(config.maxDocumentBytes())));
        assertThat(publishedFrom("too-large.txt")).isEmpty();
    }

    @Test
    void aDocumentOfTenThousandHeadingsIs422NamingTheCap() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append("# Heading ").append(i).append(" (cap test)\nx\n");
        }

        post(text.toString().getBytes(StandardCharsets.UTF_8), "text/markdown", "ten-thousand.md").then()
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", containsString("too-many-papers"))
                .body("detail", containsString("10000 papers"))
                .body("detail", containsString("at most " + config.maxPapersPerDocument()));
        assertThat(publishedFrom("ten-thousand.md")).isEmpty();
    }

    @Test
    void aBodyOfUnicodeSpacesIs400Empty() {
        for (String blank : List.of("\u3000\u3000\u3000", "\u00A0\u00A0", "\u2003\u202F\u2007\n\u200B\uFEFF")) {
            post(blank.getBytes(StandardCharsets.UTF_8), "text/plain", "blank.txt").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", containsString("empty-document"));
        }
    }

    @Test
    void anHtmlPageThatExpandsIntoMoreTextThanCanBeSplitIsRefusedBeforeAnythingIsPublished() {
        // each <li> at the deepest indent becomes a line of ~20 characters: 2 MiB of them are ~8M characters
        StringBuilder html = new StringBuilder("<html><body><h1>Expanding Page (limits test)</h1><h2>概要</h2>");
        html.append("<ul>".repeat(20));
        while (html.length() < config.maxDocumentBytes() - 100) {
            html.append("<li>\"");
        }
        byte[] document = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);

        post(document, "text/html", "expanding.html").then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("characters"));
        assertThat(publishedFrom("expanding.html")).isEmpty();
    }

    private static io.restassured.response.Response post(byte[] body, String mediaType, String name) {
        return given().auth().oauth2(TestTokens.curator())
                .contentType(mediaType + "; charset=UTF-8").body(body).queryParam("name", name)
                .when().post("/api/documents");
    }

    /** The head, then the filler repeated, cut to exactly {@code size} bytes of UTF-8 (never in a character). */
    private static byte[] exactly(int size, String head, String filler) {
        StringBuilder text = new StringBuilder(head);
        int fillerBytes = filler.getBytes(StandardCharsets.UTF_8).length;
        for (long bytes = head.getBytes(StandardCharsets.UTF_8).length; bytes <= size; bytes += fillerBytes) {
            text.append(filler);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int end = size;
        while ((bytes[end] & 0xC0) == 0x80) {
            end--; // bytes[end] continues a character: end the document before that character
        }
        byte[] document = java.util.Arrays.copyOf(bytes, size);
        java.util.Arrays.fill(document, end, size, (byte) 'x');
        return document;
    }

    private static List<SummaryEvent> publishedFrom(String documentName) {
        return TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                .map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> documentName.equals(s.documentName())).toList();
    }
}
