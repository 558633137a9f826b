package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.ours;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static dev.ronbun.ingest.parsing.TestDocuments.withCrLf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A weekly round-up of our own: other labels, a full-width bar, a single author, links kept in the labels. */
class WeeklyRoundupParserTest {

    private static final String ROUNDUP = ours("weekly-roundup.txt");

    @Test
    void endsEachPaperAtItsLinkLabels() {
        ParsedDocument document = split(withCrLf(ROUNDUP));

        assertThat(document.format()).isEqualTo(DocumentFormat.WEEKLY_ROUNDUP);
        assertThat(document.papers()).extracting(ParsedPaper::title).containsExactly(
                "CellPilot: Small Language Models as Spreadsheet Copilots",
                "DuoLite: Lightweight Audio-Visual Understanding",
                "Rethinking RAG Evaluation with Grounded Judgments");
        assertThat(document.papers()).extracting(ParsedPaper::titleJa).containsExactly(
                "小さな言語モデルで表計算を自動化する「CellPilot」",
                "画像と音声を同時に扱う軽量モデル「DuoLite」、研究チームが公開",
                "検索拡張生成の評価をやり直す新しいベンチマーク");
    }

    @Test
    void readsCommaSeparatedAndSingleAuthors() {
        List<ParsedPaper> papers = split(ROUNDUP).papers();

        assertThat(papers.get(0).authors()).containsExactly("Mina Park", "Jonas Weber", "Aoi Fujita");
        assertThat(papers.get(1).authors()).containsExactly("Carlos Diaz");
        assertThat(papers.get(2).authors()).hasSize(4).endsWith("Lena Fischer");
    }

    @Test
    void takesLinksFromTheLabelLineAndTheFirstParagraphAsSummary() {
        List<ParsedPaper> papers = split(ROUNDUP).papers();

        ParsedPaper rag = papers.getLast();
        assertThat(rag.arxivId()).isEqualTo("2403.05555");
        assertThat(rag.urls()).containsExactly("https://arxiv.org/abs/2403.05555v1",
                "https://github.com/example/grounded-rag");
        assertThat(rag.summary()).isEqualTo("検索拡張生成(RAG)の評価では、回答の正しさだけでなく根拠の妥当性も測る必要があります。");
        assertThat(papers.getFirst().body()).startsWith("CellPilotは、").doesNotContain("注目論文ダイジェスト", "連載",
                "Mina Park", "DuoLite");
    }
}
