package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.ours;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static dev.ronbun.ingest.parsing.TestDocuments.withCrLf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Structured summaries of our own: extra words in headings, inner headings, other link labels, a missing separator. */
class StructuredSummaryParserTest {

    private static final String SUMMARIES = ours("structured-summaries.md");

    @Test
    void splitsAtTitlesFollowedByALinkEvenWithoutASeparator() {
        ParsedDocument document = split(withCrLf(SUMMARIES));

        assertThat(document.format()).isEqualTo(DocumentFormat.STRUCTURED_SUMMARY);
        assertThat(document.papers()).extracting(ParsedPaper::title).containsExactly(
                "Gated State Mixers for Streaming Speech Recognition",
                "Self-Checking Agents for Spreadsheet Automation",
                "Visual Token Pruning Without Retraining");
        assertThat(document.papers()).extracting(ParsedPaper::arxivId)
                .containsExactly("2406.11111", "2407.22222", "2408.33333");
    }

    @Test
    void keepsAnInnerTopHeadingAndCodeCommentsInsideTheirSection() {
        ParsedPaper first = split(SUMMARIES).papers().getFirst();

        assertThat(first.sections()).extracting(Section::heading).containsExactly(
                "1. 既存研究では何ができなかったのか（背景も含めて）",
                "2. どのようなアプローチでそれを解決しようとしたか",
                "5. 技術的な詳細について。実装する人が読むことを想定して",
                "8. この論文を140字以内のツイートで要約すると？");
        assertThat(first.sections().get(2).text()).contains("# ゲート付き状態ミキサー", "# 状態の更新");
        assertThat(first.summary()).isEqualTo("ストリーミング音声認識を軽く速く！ゲート付き状態ミキサーで遅延を半分にしつつ精度を維持。 #ASR #StateSpace");
    }

    @Test
    void keepsEachBodyToItsOwnPaper() {
        List<ParsedPaper> papers = split(SUMMARIES).papers();

        assertThat(papers.get(0).body()).doesNotContain("Self-Checking Agents", "はい、以下に", "---");
        assertThat(papers.get(1).body()).startsWith("[論文を読む](https://arxiv.org/pdf/2407.22222)")
                .doesNotContain("Visual Token Pruning");
        assertThat(papers.get(2).body()).doesNotContain("表計算");
        assertThat(papers.get(1).urls()).containsExactly("https://arxiv.org/pdf/2407.22222");
    }

    @Test
    void splitsAtSeparatorsWhenPapersHaveNoLinkLine() {
        String summaries = """
                # Paper One

                ## 1 既存研究では何ができなかったのか

                一本目の背景。

                ## 2 どのようなアプローチか

                一本目の手法。

                ---

                # Paper Two

                ## 1 既存研究では何ができなかったのか

                二本目の背景。

                ## 5 技術的な詳細

                # 内部の見出し

                二本目の詳細。
                """;

        ParsedDocument document = split(summaries);

        assertThat(document.format()).isEqualTo(DocumentFormat.STRUCTURED_SUMMARY);
        assertThat(document.papers()).extracting(ParsedPaper::title).containsExactly("Paper One", "Paper Two");
        assertThat(document.papers().getLast().sections().getLast().text()).contains("# 内部の見出し", "二本目の詳細。");
        assertThat(document.papers().getFirst().body()).doesNotContain("Paper Two", "---");
    }

    @Test
    void treatsTopHeadingsWithoutLinkOrNumberedSectionsAsAGenericDocument() {
        String notes = "# First idea\n\nSome text.\n\n# Second idea\n\n[link](https://example.com)\n\n## Details\n\nMore.\n";

        assertThat(new StructuredSummaryParser().detect(ParsableText.of(notes))).isZero();
        assertThat(split(notes).format()).isEqualTo(DocumentFormat.GENERIC);
    }

    @Test
    void takesTheKeyReferencesSectionAsThePapersReferences() {
        List<ParsedPaper> papers = split(TestDocuments.corpus(TestDocuments.STRUCTURED_SUMMARIES)).papers();

        ParsedPaper vamba = papers.stream().filter(p -> p.body().contains("VAMBA のベースラインモデル")).findFirst()
                .orElseThrow();
        assertThat(vamba.references()).extracting(dev.ronbun.contracts.events.Reference::title).containsExactly(
                "Mamba: Linear-time sequence modeling with selective state spaces",
                "Qwen2-vl: Enhancing vision-language model’s perception of the world at any resolution",
                "Flashattention-2: Faster attention with better parallelism and work partitioning");
        assertThat(papers).filteredOn(p -> !p.references().isEmpty()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(papers).flatExtracting(ParsedPaper::references)
                .allSatisfy(r -> assertThat(r.title()).isNotBlank().doesNotEndWith(":").doesNotEndWith("："));
    }
}
