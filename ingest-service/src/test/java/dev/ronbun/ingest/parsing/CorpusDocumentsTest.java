package dev.ronbun.ingest.parsing;

import static dev.ronbun.ingest.parsing.TestDocuments.corpus;
import static dev.ronbun.ingest.parsing.TestDocuments.split;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Section;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four real documents of the shared corpus, one per shape, split as their readers would. */
class CorpusDocumentsTest {

    @ParameterizedTest(name = "{0} → {1} × {2}")
    @CsvSource({
            TestDocuments.STUDY_GROUP_NOTES + ", study-group-notes, 8",
            TestDocuments.STRUCTURED_SUMMARIES + ", structured-summary, 16",
            TestDocuments.DIALOGUE_ARTICLE + ", dialogue-article, 1",
            TestDocuments.WEEKLY_ROUNDUP + ", weekly-roundup, 5"})
    void recognisesEachShapeWithoutBeingToldAndFindsEveryPaper(String file, String format, int papers) {
        ParsedDocument document = split(corpus(file));

        assertThat(document.format().wireName()).isEqualTo(format);
        assertThat(document.papers()).hasSize(papers);
        assertThat(document.papers()).allSatisfy(paper -> {
            assertThat(paper.format()).isEqualTo(document.format());
            assertThat(paper.body()).isNotBlank();
            assertThat(paper.summary()).isNotBlank();
        });
    }

    @ParameterizedTest
    @CsvSource({TestDocuments.STUDY_GROUP_NOTES, TestDocuments.STRUCTURED_SUMMARIES, TestDocuments.DIALOGUE_ARTICLE,
            TestDocuments.WEEKLY_ROUNDUP})
    void splitsEachDocumentWellUnderASecond(String file) throws DocumentParseException {
        String text = corpus(file);
        DocumentSplitter splitter = new DocumentSplitter();
        splitter.split(text, Optional.empty());

        long started = System.nanoTime();
        splitter.split(text, Optional.empty());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void noPaperBodyHoldsTheTitleOfTheNextPaper() {
        for (String file : TestDocuments.CORPUS) {
            List<ParsedPaper> papers = split(corpus(file)).papers();
            for (int i = 0; i + 1 < papers.size(); i++) {
                ParsedPaper next = papers.get(i + 1);
                String nextTitle = next.titleJa() != null ? next.titleJa() : next.title();
                assertThat(papers.get(i).body()).as("%s paper %d", file, i).doesNotContain(nextTitle);
                assertThat(papers.get(i).body()).as("%s paper %d", file, i).doesNotContain(next.title());
            }
        }
    }

    @Nested
    class StudyGroupNotes {

        private final List<ParsedPaper> papers = split(corpus(TestDocuments.STUDY_GROUP_NOTES)).papers();

        @Test
        void splitsStudyGroupNotesIntoOneRecordPerTopicDatedByTheNote() {
            assertThat(papers).extracting(ParsedPaper::presenter).containsExactly("Naoto Shimakoshi",
                    "Yuya Matsumura", "Shun Ito", "Yosuke Yoshida", "Hiromu Nakamura (pon)", "ShibuiYusuke",
                    "Ryoma Nakai", null);
            assertThat(papers).extracting(ParsedPaper::sourceDate).containsOnly(LocalDate.of(2025, 9, 30));
            assertThat(papers).extracting(ParsedPaper::kind).containsExactly("paper", "blog", "paper", "blog",
                    "paper", "paper", "paper", "paper");
        }

        @Test
        void readsTheTaggedTitleLineUnderThePresenter() {
            ParsedPaper first = papers.getFirst();
            assertThat(first.title())
                    .isEqualTo("ShinkaEvolve: Evolving New Algorithms with LLMs, Orders of Magnitude More Efficiently");
            assertThat(first.titleJa()).isNull();
            assertThat(first.arxivId()).isNull();
            assertThat(first.authors()).isEmpty();
            assertThat(first.sections()).extracting(Section::heading).containsExactly("先行研究", "手法", "結果");
            assertThat(first.summary()).startsWith("先行研究").contains("サンプル効率");
            assertThat(first.body()).contains("Adaptive LLM Ensemble Selection").doesNotContain("@Yuya Matsumura");
        }

        @Test
        void takesABlogTitleWrittenInJapaneseAsBothTitles() {
            ParsedPaper blog = papers.get(1);
            assertThat(blog.kind()).isEqualTo("blog");
            assertThat(blog.title()).startsWith("決定論的システムと非決定論的AI Agentの接合点");
            assertThat(blog.titleJa()).isEqualTo(blog.title());
            assertThat(blog.summary()).startsWith("プロダクトにAIエージェントを組み込むにあたって");
        }

        @Test
        void readsATitleWhoseTagHasNoSpaceAfterItAndKeepsCommentsInTheBody() {
            ParsedPaper resum = papers.get(4);
            assertThat(resum.title())
                    .isEqualTo("ReSum: Unlocking Long-Horizon Search Intelligence via Context Summarization");
            assertThat(resum.body()).startsWith("[pon]途中でサマライズするだけと見せかけて");
            assertThat(resum.summary()).startsWith("定期的な文脈要約を通じて無期限の探索を可能にする");
            assertThat(resum.sections()).extracting(Section::heading)
                    .containsExactly("要約ツール", "ReSumパラダイム学習", "実験");
        }

        @Test
        void takesTheTlDrSectionAsTheSummary() {
            ParsedPaper gdpval = papers.get(5);
            assertThat(gdpval.title())
                    .isEqualTo("GDPVAL: EVALUATING AI MODEL PERFORMANCE ON REAL-WORLD ECONOMICALLY VALUABLE TASKS");
            assertThat(gdpval.sections()).extracting(Section::heading).startsWith("TL;DR", "内容");
            assertThat(gdpval.summary()).startsWith("研究の背景と目的");
        }

        @Test
        void readsTheMainTopicFromItsKeyValueTable() {
            ParsedPaper main = papers.getLast();
            assertThat(main.title()).isEqualTo("Agentic Any Image to 4K Super-Resolution");
            assertThat(main.presenter()).isNull();
            assertThat(main.arxivId()).isEqualTo("2507.07105");
            assertThat(main.authors()).hasSize(13).startsWith("Yushen Zuo", "Qi Zheng", "Mingyang Wu")
                    .contains("Renjie Li", "Jian Wang", "Lihong V. Wang").endsWith("Zhengzhong Tu");
            assertThat(main.urls()).containsExactly("https://4kagent.github.io/", "https://arxiv.org/abs/2507.07105",
                    "https://github.com/taco-group/4KAgent");
            assertThat(main.summary()).startsWith("様々な画像を4Kの解像度にアップスケールさせる");
            assertThat(main.sections()).extracting(Section::heading).contains("一言でいうと", "選定理由", "感想");
        }
    }

    @Nested
    class StructuredSummaries {

        private final List<ParsedPaper> papers = split(corpus(TestDocuments.STRUCTURED_SUMMARIES)).papers();

        @Test
        void givesEveryPaperItsArxivIdWithoutVersion() {
            assertThat(papers).extracting(ParsedPaper::arxivId).doesNotContainNull()
                    .allMatch(id -> id.matches("\\d{4}\\.\\d{5}")).doesNotHaveDuplicates()
                    .startsWith("2503.11646", "2503.10684", "2503.11579", "2503.10970");
            assertThat(papers).extracting(ParsedPaper::kind).containsOnly("paper");
            assertThat(papers).extracting(ParsedPaper::sourceDate).containsOnlyNulls();
        }

        @Test
        void readsTitleLinkEightSectionsAndTheTweetAsSummary() {
            ParsedPaper first = papers.getFirst();
            assertThat(first.title()).isEqualTo(
                    "Adversarial Data Collection: Human-Collaborative Perturbations for Efficient and Robust Robotic Imitation Learning");
            assertThat(first.titleJa()).isNull();
            assertThat(first.urls()).containsExactly("http://arxiv.org/abs/2503.11646v1");
            assertThat(first.sections()).hasSize(8);
            assertThat(first.sections().getFirst().heading()).isEqualTo("1. 既存研究では何ができなかったのか");
            assertThat(first.sections().getLast().heading()).isEqualTo("8. この論文を140字以内のツイートで要約すると？");
            assertThat(first.summary()).startsWith("データ収集に革命！").hasSizeLessThanOrEqualTo(140);
        }

        @Test
        void keepsHeadingsInsideATechnicalSectionInThatPaper() {
            ParsedPaper vamba = papers.get(2);
            assertThat(vamba.title()).isEqualTo("Vamba: Understanding Hour-Long Videos with Hybrid Mamba-Transformers");
            assertThat(vamba.sections()).hasSize(8);
            assertThat(vamba.sections().get(3).heading()).startsWith("4. Limitationや問題点は何か。本文で言及されているもの");
            assertThat(vamba.sections().get(4).text()).contains("# Mamba-2 ブロック", "# クロスアテンション");
            assertThat(vamba.summary()).startsWith("長尺動画理解に革命！");
            assertThat(papers).extracting(ParsedPaper::title)
                    .doesNotContain("Mamba-2 ブロック", "TxAgentの推論プロセス", "Python風の疑似コード");
        }

        @Test
        void leavesTheWritersAsideBetweenPapersOutOfBothBodies() {
            assertThat(papers).extracting(ParsedPaper::body)
                    .noneMatch(body -> body.contains("はい、承知いたしました"))
                    .noneMatch(body -> body.contains("\n---"));
            assertThat(papers.get(3).title())
                    .isEqualTo("TxAgent: An AI Agent for Therapeutic Reasoning Across a Universe of Tools");
            assertThat(papers.get(3).summary()).startsWith("TxAgent: 211個のツール").doesNotContain("上記の回答で");
        }
    }

    @Nested
    class DialogueArticle {

        private final ParsedPaper paper = split(corpus(TestDocuments.DIALOGUE_ARTICLE)).papers().getFirst();

        @Test
        void readsTheJapaneseTitleAndTheEnglishTitleInParentheses() {
            assertThat(paper.titleJa()).isEqualTo("多粒度事前分布混合による知識蒸留による画像超解像");
            assertThat(paper.title())
                    .isEqualTo("Knowledge Distillation with Multi-granularity Mixture of Priors for Image Super-Resolution");
            assertThat(paper.kind()).isEqualTo("paper");
            assertThat(paper.presenter()).isNull();
            assertThat(paper.authors()).isEmpty();
            assertThat(paper.sourceDate()).isNull();
            assertThat(paper.arxivId()).isEqualTo("2404.02573");
        }

        @Test
        void readsTheNumberedSectionsAndSummarisesWithTheOverview() {
            assertThat(paper.sections()).extracting(Section::heading).containsExactly("1.概要と位置づけ",
                    "2.先行研究との差別化ポイント", "3.中核となる技術的要素", "4.有効性の検証方法と成果",
                    "5.研究を巡る議論と課題", "6.今後の調査・学習の方向性", "会議で使えるフレーズ集", "引用元");
            assertThat(paper.summary()).startsWith("結論から述べる。").doesNotContain("背景として");
        }

        @Test
        void keepsTheDialogueAndDropsReadingTimeViewsAdvertisingAndNavigation() {
            assertThat(paper.body()).startsWith("田中専務").contains("AIメンター拓海", "1.概要と位置づけ")
                    .endsWith("arXiv preprint arXiv:2404.02573v1, 2024.");
            assertThat(paper.body()).doesNotContain("分で読了", "views", "AIBR プレミアム", "詳細を見る", "生成AI活用キャンプ",
                    "前の記事", "関連記事", "性格に影響される対話システムの感情生成", "続きを読む");
        }
    }

    @Nested
    class WeeklyRoundup {

        private final List<ParsedPaper> papers = split(corpus(TestDocuments.WEEKLY_ROUNDUP)).papers();

        @Test
        void readsHeadlineEnglishTitleAndAuthorsOfEachPaper() {
            assertThat(papers).extracting(ParsedPaper::title).containsExactly("Neural Network Diffusion",
                    "YOLOv9: Learning What You Want to Learn Using Programmable Gradient Information",
                    "AnyGPT: Unified Multimodal LLM with Discrete Sequence Modeling",
                    "LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens",
                    "SDXL-Lightning: Progressive Adversarial Diffusion Distillation");
            assertThat(papers.getFirst().titleJa()).isEqualTo("拡散モデルで“モデルパラメータ”を生成する手法「P-diff」、Metaなどが開発");
            assertThat(papers.getFirst().authors()).containsExactly("Kai Wang", "Zhaopan Xu", "Yukun Zhou",
                    "Zelin Zang", "Trevor Darrell", "Zhuang Liu", "Yang You");
            assertThat(papers.get(1).authors()).containsExactly("Chien-Yao Wang", "I-Hau Yeh", "Hong-Yuan Mark Liao");
            assertThat(papers.getLast().titleJa()).startsWith("1024×1024の高解像度画像を高速に生成するモデル");
            assertThat(papers).extracting(ParsedPaper::kind).containsOnly("paper");
            assertThat(papers).extracting(ParsedPaper::arxivId).containsOnlyNulls();
            assertThat(papers).extracting(ParsedPaper::urls).allMatch(List::isEmpty);
        }

        @Test
        void keepsOnlyThePapersOwnParagraphsInItsBody() {
            ParsedPaper first = papers.getFirst();
            assertThat(first.summary()).startsWith("画像生成AIなどに活用されている拡散(Diffusion)モデル");
            assertThat(first.body()).startsWith("画像生成AIなどに活用されている")
                    .endsWith("新しいパラメータの組み合わせを創出できることを意味しています。")
                    .doesNotContain("1週間分の生成AI関連論文", "生成AI論文ピックアップ", "Neural Network Diffusion",
                            "Kai Wang", "Project | Paper | GitHub", "YOLOv9");
            assertThat(papers.get(1).body()).doesNotContain("Paper | GitHub", "Chien-Yao Wang");
        }
    }
}
