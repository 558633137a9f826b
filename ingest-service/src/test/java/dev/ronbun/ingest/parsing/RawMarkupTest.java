package dev.ronbun.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawMarkupTest {

    @Test
    void dropsScriptsStylesAndFramesWithTheirContentAndKeepsTheTextOfOtherTags() {
        String markdown = """
                # Attention Is All You Need
                前置き<script>alert(1)</script>本文 <b onmouseover="alert(2)">太字</b> と <style>p{}</style>
                <iframe src="https://evil.example/">x</iframe><object data="x.swf"></object><embed src="y">
                <!-- <script>alert(3)</script> -->最後""";

        assertThat(RawMarkup.strip(markdown)).isEqualTo("""
                # Attention Is All You Need
                前置き本文 太字 と\s

                最後""");
    }

    @Test
    void keepsMarkdownLayoutEntitiesAndAngleBracketsThatAreNotHtml() {
        String text = "## 手法\n  • List<String> と <mask> トークン、a < b、&amp; はそのまま\n\n`x` 😀<br>改行";

        assertThat(RawMarkup.strip(text))
                .isEqualTo("## 手法\n  • List<String> と <mask> トークン、a < b、&amp; はそのまま\n\n`x` 😀改行");
    }

    @Test
    void aTagThatCuttingWouldAssembleIsCutToo() {
        String sneaky = "a<scr<script>x</script>ipt>alert(1)</script>b <<script>script>alert(2)<</script>/script>c";

        String stripped = RawMarkup.strip(sneaky);

        assertThat(stripped).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("</script");
        assertThat(stripped).startsWith("a");
    }

    @Test
    void anUnclosedScriptTakesTheRestOfTheTextWithIt() {
        assertThat(RawMarkup.strip("前半<SCRIPT>alert(1) 後半")).isEqualTo("前半");
    }

    @Test
    void eventHandlersOnUnknownTagsAndStrayEndTagsGo() {
        String stripped = RawMarkup.strip("x<foo onclick=alert(1)>y</foo> </b onclick=alert(2)> <img src=x onerror=alert(3)>z");

        assertThat(stripped).doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onerror").contains("y")
                .contains("z");
    }

    @Test
    void fullWidthAndEscapedMarkupIsCutOnceItBecomesMarkup() {
        ParsableText fullWidth = ParsableText.of("前＜script＞alert(1)＜/script＞後");
        ParsableText fromHtml = ParsableText.of(HtmlDocumentText.toText(
                "<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt;残る</p></body></html>"));

        assertThat(fullWidth.text()).isEqualTo("前後");
        assertThat(fromHtml.text()).isEqualTo("残る");
    }

    @Test
    void anUnpairedSurrogateBecomesTheReplacementCharacter() {
        String fromHtml = HtmlDocumentText.toText("<html><body><p>a&#xD800;b</p></body></html>");

        assertThat(ParsableText.of(fromHtml + " \uDC00 😀").text()).isEqualTo(
                ParsableText.of(fromHtml).text().replace('\uD800', '\uFFFD') + " \uFFFD 😀")
                .doesNotContain("\uD800").doesNotContain("\uDC00");
    }
}
