package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.ours;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HTML pages reduced to the lines the parsers read. */
class HtmlDocumentTextTest {

    @Test
    void keepsHeadingsParagraphsListsAndLinksAsLines() {
        String html = """
                <html><body>
                <h1>Title of the page</h1>
                <p>First paragraph with a <a href="https://arxiv.org/abs/2401.00001v2">paper link</a>.</p>
                <ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>
                <ol><li>first</li><li>second</li></ol>
                <table><tr><td>タイトル</td><td>Some Title</td></tr></table>
                <pre># not a heading
                  indented code</pre>
                <hr>
                <p>Last<br>line</p>
                </body></html>
                """;

        String text = HtmlDocumentText.toText(html);

        assertThat(text.lines().toList()).containsExactly(
                "# Title of the page",
                "",
                "First paragraph with a [paper link](https://arxiv.org/abs/2401.00001v2).",
                "",
                "• one",
                "• two",
                "  • nested",
                "",
                "1. first",
                "2. second",
                "",
                "タイトル\tSome Title",
                "",
                "```",
                "# not a heading",
                "  indented code",
                "```",
                "",
                "---",
                "",
                "Last",
                "line");
    }

    @Test
    void dropsScriptsAndStylesWithTheirContent() {
        String html = "<html><head><style>p{color:red}</style><script>var secret = 1;</script></head>"
                + "<body><p>Visible</p><script>alert('hidden')</script><noscript>also hidden</noscript></body></html>";

        String text = HtmlDocumentText.toText(html);

        assertThat(text).isEqualTo("Visible");
    }

    @Test
    void recognisesHtmlPagesButNotMarkdownWithAnInlineTag() {
        assertThat(HtmlDocumentText.looksLikeHtml("<!DOCTYPE html><html><body>x</body></html>")).isTrue();
        assertThat(HtmlDocumentText.looksLikeHtml("\n  <div><p>x</p></div>")).isTrue();
        assertThat(HtmlDocumentText.looksLikeHtml("# Title\n\nText with <br> inside")).isFalse();
        assertThat(HtmlDocumentText.looksLikeHtml(null)).isFalse();
    }

    @Test
    void splitsAnHtmlPageOfStructuredSummariesWithoutItsScripts() {
        ParsedDocument document = split(ours("structured-summary.html"));

        assertThat(document.format()).isEqualTo(DocumentFormat.STRUCTURED_SUMMARY);
        List<ParsedPaper> papers = document.papers();
        assertThat(papers).extracting(ParsedPaper::title).containsExactly("Tiny Diffusion Policies for Robot Arms",
                "Sparse Mixture Adapters for Multilingual Translation");
        assertThat(papers).extracting(ParsedPaper::arxivId).containsExactly("2409.12345", "2409.54321");
        assertThat(papers.getFirst().urls()).containsExactly("https://arxiv.org/abs/2409.12345v1");
        assertThat(papers.getFirst().summary()).isEqualTo("拡散方策を4ステップに蒸留して実機で50Hz制御！ #Robotics");
        assertThat(papers.getFirst().sections().get(1).text()).isEqualTo("• 方策を蒸留して4ステップで動かす\n• 行動の区間をまとめて予測する");
        assertThat(papers).allSatisfy(paper -> assertThat(paper.toString()).doesNotContain("SHOULD-NOT-APPEAR",
                "document.write", "color: red"));
    }
}
