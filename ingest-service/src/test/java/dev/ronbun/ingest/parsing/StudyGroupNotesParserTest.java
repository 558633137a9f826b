package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.ours;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static dev.ronbun.ingest.parsing.TestDocuments.withCrLf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Section;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Study-group notes of our own, with another date format, other names, full-width marks and CRLF line ends. */
class StudyGroupNotesParserTest {

    private static final String NOTES = ours("study-group-notes-2024-11-05.txt");

    @ParameterizedTest(name = "line ends: {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void splitsStudyGroupNotesIntoOneRecordPerPresenterTopicWhateverTheLineEnds(String lineEnds) {
        String text = switch (lineEnds) {
            case "CRLF" -> withCrLf(NOTES);
            case "CR" -> NOTES.replace("\n", "\r");
            default -> NOTES;
        };

        ParsedDocument document = split(text);

        assertThat(document.format()).isEqualTo(DocumentFormat.STUDY_GROUP_NOTES);
        assertThat(document.papers()).extracting(ParsedPaper::title).containsExactly(
                "Sparse Retrieval Meets Tiny Transformers: Efficient Ranking on Commodity Hardware",
                "小さなチームで評価基盤を作るときに気をつけたこと",
                "tinyeval: a minimal evaluation harness for language models",
                "Curriculum Distillation for Long-Context Reasoning");
        assertThat(document.papers()).extracting(ParsedPaper::sourceDate).containsOnly(LocalDate.of(2024, 11, 5));
        assertThat(document.papers()).extracting(ParsedPaper::body).noneMatch(body -> body.contains("\r"));
    }

    @Test
    void readsFullWidthPresenterAndTagMarksAndAnArxivLinkOnTheTitleLine() {
        ParsedPaper first = split(NOTES).papers().getFirst();

        assertThat(first.presenter()).isEqualTo("Aiko Tanabe");
        assertThat(first.kind()).isEqualTo("paper");
        assertThat(first.arxivId()).isEqualTo("2410.01234");
        assertThat(first.urls()).containsExactly("https://arxiv.org/abs/2410.01234v3");
        assertThat(first.sections()).extracting(Section::heading).containsExactly("背景", "提案", "結果");
        assertThat(first.body()).contains("[kt] これ社内の検索にもそのまま使えそう")
                .doesNotContain("Kenji Morimoto", "小さなチームで評価基盤");
    }

    @Test
    void doesNotTakeCommentsByOthersForTitles() {
        List<ParsedPaper> papers = split(NOTES).papers();

        assertThat(papers).hasSize(4);
        assertThat(papers).extracting(ParsedPaper::title).noneMatch(title -> title.contains("量子化の影響"));
    }

    @Test
    void readsTheKindFromTagsWithOrWithoutASpaceAfterThem() {
        List<ParsedPaper> papers = split(NOTES).papers();

        assertThat(papers).extracting(ParsedPaper::kind).containsExactly("paper", "blog", "oss", "paper");
        assertThat(papers.get(1).titleJa()).isEqualTo("小さなチームで評価基盤を作るときに気をつけたこと");
        assertThat(papers.get(1).summary()).isEqualTo("社内ブログの記事。評価データの作り方とリーダーボードの運用をまとめたもの。");
        assertThat(papers.get(2).presenter()).isEqualTo("Sara Lin");
    }

    @Test
    void readsAMainTopicWithATabSeparatedTable() {
        ParsedPaper main = split(NOTES).papers().getLast();

        assertThat(main.presenter()).isNull();
        assertThat(main.authors()).containsExactly("Hana Okada", "Tom Becker", "Li Wei", "Mei Suzuki");
        assertThat(main.arxivId()).isEqualTo("2409.05678");
        assertThat(main.urls()).containsExactly("https://arxiv.org/pdf/2409.05678v2",
                "https://github.com/example/curriculum-distill");
        assertThat(main.summary()).isEqualTo("長い文脈を扱う推論を、短い課題から順に学ばせる蒸留で改善する手法。");
        assertThat(main.sections()).extracting(Section::heading).containsExactly("概要", "手法", "感想");
    }

    @Test
    void readsDatesWrittenInTheJapaneseWay() {
        String notes = "2025年1月7日 論文読み会\n\n@Ken Ono\n\n[論文] A Short Paper\n\n  • 要点\n";

        ParsedPaper paper = split(notes).papers().getFirst();

        assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2025, 1, 7));
        assertThat(paper.title()).isEqualTo("A Short Paper");
        assertThat(paper.presenter()).isEqualTo("Ken Ono");
    }
}
