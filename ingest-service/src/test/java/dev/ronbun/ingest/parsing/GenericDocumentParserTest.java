package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.ours;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Section;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents of no known shape: Markdown split at top headings, plain text read as one paper. */
class GenericDocumentParserTest {

    @Test
    void splitsMarkdownIntoOnePaperPerTopHeadingIgnoringHeadingsInCode() {
        ParsedDocument document = split(ours("generic-notes.md"));

        assertThat(document.format()).isEqualTo(DocumentFormat.GENERIC);
        List<ParsedPaper> papers = document.papers();
        assertThat(papers).extracting(ParsedPaper::title)
                .containsExactly("読書メモ: Contrastive Decoding Revisited", "推論サーバーのキャッシュ戦略");
        assertThat(papers.get(0).sections()).extracting(Section::heading).containsExactly("概要", "気になった点");
        assertThat(papers.get(0).summary()).startsWith("大きなモデルと小さなモデルの出力の差を使う");
        assertThat(papers.get(0).sourceDate()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(papers.get(0).body()).contains("# これは見出しではなくコードのコメント").doesNotContain("キャッシュ");
        assertThat(papers.get(1).kind()).isEqualTo("blog");
    }

    @Test
    void readsPlainTextAsOnePaperTitledByItsFirstLine() {
        ParsedDocument document = split(ours("plain-notes.txt"));

        assertThat(document.format()).isEqualTo(DocumentFormat.GENERIC);
        assertThat(document.papers()).singleElement().satisfies(paper -> {
            assertThat(paper.title()).isEqualTo("Notes on speculative decoding");
            assertThat(paper.kind()).isEqualTo("paper");
            assertThat(paper.body()).startsWith("Speculative decoding drafts").endsWith("accepted.");
            assertThat(paper.summary()).startsWith("Speculative decoding drafts");
        });
    }

    @Test
    void shortensAFirstLineThatIsReallyAParagraph() {
        String text = "これはとても長い一行目で、".repeat(40) + "ここで文が終わる。\n次の行。";

        ParsedPaper paper = split(text).papers().getFirst();

        assertThat(paper.title()).hasSizeLessThanOrEqualTo(301);
        assertThat(paper.body()).isEqualTo("次の行。");
    }
}
