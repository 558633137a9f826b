package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.TestDocuments.ours;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static dev.ronbun.ingest.parsing.TestDocuments.withCrLf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Section;
import org.junit.jupiter.api.Test;

/** A dialogue article of our own: other speakers, full-width parentheses and digits, another footer. */
class DialogueArticleParserTest {

    private static final String ARTICLE = ours("dialogue-article.txt");

    @Test
    void readsBothTitlesWhenTheEnglishOneIsInFullWidthParentheses() {
        ParsedDocument document = split(withCrLf(ARTICLE));

        assertThat(document.format()).isEqualTo(DocumentFormat.DIALOGUE_ARTICLE);
        assertThat(document.papers()).hasSize(1);
        ParsedPaper paper = document.papers().getFirst();
        assertThat(paper.titleJa()).isEqualTo("小さなデータで大きく育てる自己教師あり事前学習");
        assertThat(paper.title()).isEqualTo("Growing Big from Small Data: Self-Supervised Pretraining at Low Budget");
        assertThat(paper.arxivId()).isEqualTo("2405.04444");
    }

    @Test
    void readsNumberedSectionsWrittenWithFullWidthDigitsAndStopsAtTheNavigation() {
        ParsedPaper paper = split(ARTICLE).papers().getFirst();

        assertThat(paper.sections()).extracting(Section::heading)
                .containsExactly("1．概要と位置づけ", "2.先行研究との違い", "3.中核となる技術", "参考文献");
        assertThat(paper.summary()).isEqualTo("本研究は、少量のデータしかない現場でも自己教師あり事前学習を有効にする手順を示した。");
        assertThat(paper.sections().getLast().text()).startsWith("T. Example et al.").doesNotContain("前の記事");
    }

    @Test
    void keepsTheDialogueButNotTheReadingTimeViewsOrAdvertising() {
        ParsedPaper paper = split(ARTICLE).papers().getFirst();

        assertThat(paper.body()).startsWith("佐藤部長").contains("AIアシスタント美咲", "焦らず段階的に進めましょう。");
        assertThat(paper.body()).doesNotContain("分で読了", "1,204 views", "会員限定", "いますぐ登録", "前の記事",
                "Another Paper Title In English");
    }
}
