package dev.ronbun.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.infra.testing.TestTokens;
import dev.ronbun.infra.testing.TestTopics;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * No text field carries raw markup or half a surrogate pair, whatever the input type (issue 17, repro 6: Markdown and
 * plain text kept {@code <script>…</script>} and {@code <b onmouseover=…>} in summary, body and sections).
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_ingest"))
class MarkupStrippingTest {

    private static final String HOSTILE = """
            # Hostile Markup In %s (markup test)

            ## 概要
            本文<script>alert(document.cookie)</script>の要約。<b onmouseover="alert(1)">太字</b>と<iframe src="https://evil.example/"></iframe>残り。

            ## 手法
            <style>body{display:none}</style>手法の説明 <img src=x onerror=alert(2)> と List<String> の例。
            """;

    @Test
    void markdownAndPlainTextArePublishedWithoutScriptsStylesFramesOrEventHandlers() {
        for (String type : List.of("text/markdown", "text/plain")) {
            String name = "hostile-" + type.replace('/', '-') + ".md";
            given().auth().oauth2(TestTokens.curator()).contentType(type + "; charset=UTF-8")
                    .body(HOSTILE.formatted(type)).queryParam("name", name)
                    .when().post("/api/documents").then().statusCode(202);

            SummaryEvent summary = publishedFrom(name);
            List<String> fields = textFields(summary);
            assertThat(fields).allSatisfy(field -> assertThat(field)
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
                    .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("onmouseover")
                    .doesNotContainIgnoringCase("onerror").doesNotContain("alert(").doesNotContain("<b"));
            assertThat(summary.summary()).isEqualTo("本文の要約。太字と残り。");
            assertThat(summary.sections()).extracting(Section::text)
                    .contains("手法の説明  と List<String> の例。");
        }
    }

    @Test
    void anHtmlCharacterReferenceToHalfASurrogatePairBecomesTheReplacementCharacter() {
        String html = """
                <html><body><h1>Surrogates &#xD800; Everywhere (markup test)</h1>
                <h2>概要</h2><p>半分&#xD800;だけ&#xDC00;の&#55357;文字と本物の&#x1F600;。</p>
                <p>&lt;script&gt;alert(1)&lt;/script&gt;エスケープされたタグ</p></body></html>""";
        String answer = given().auth().oauth2(TestTokens.curator()).contentType("text/html; charset=UTF-8")
                .body(html).queryParam("name", "surrogates.html")
                .when().post("/api/documents").then().statusCode(202).extract().asString();

        SummaryEvent summary = publishedFrom("surrogates.html");
        assertThat(answer).doesNotContainIgnoringCase("\\ud800").doesNotContainIgnoringCase("\\udc00");
        assertThat(textFields(summary)).allSatisfy(field -> {
            assertThat(field.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF)).as("no unpaired surrogate").isTrue();
            assertThat(field).doesNotContain("\uD800").doesNotContain("\uDC00").doesNotContainIgnoringCase("<script");
        });
        assertThat(summary.title()).contains("\uFFFD");
        assertThat(summary.body()).contains("😀").contains("エスケープされたタグ");
    }

    @Test
    void theDocumentNameIsStoredWithoutMarkupOrControlCharacters() {
        given().auth().oauth2(TestTokens.curator()).contentType("text/markdown; charset=UTF-8")
                .body(HOSTILE.formatted("a named document"))
                .queryParam("name", "<script>alert(1)</script><b onclick=\"alert(2)\">named\u0007</b>.md")
                .when().post("/api/documents").then().statusCode(202);

        assertThat(publishedFrom("named.md").title()).contains("a named document");
    }

    private static List<String> textFields(SummaryEvent summary) {
        List<String> fields = new ArrayList<>(Stream.of(summary.title(), summary.titleJa(), summary.summary(),
                summary.body()).filter(f -> f != null).toList());
        summary.sections().forEach(s -> {
            fields.add(s.heading());
            fields.add(s.text());
        });
        return fields;
    }

    private static SummaryEvent publishedFrom(String documentName) {
        List<SummaryEvent> published = TestTopics.read(Topics.SUMMARIES.name(), Integer.MAX_VALUE, Duration.ofSeconds(5))
                .stream().map(ConsumerRecord::value).map(EventJson::readSummary)
                .filter(s -> documentName.equals(s.documentName())).toList();
        assertThat(published).hasSize(1);
        return published.getFirst();
    }
}
