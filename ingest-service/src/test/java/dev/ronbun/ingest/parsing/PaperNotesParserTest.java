package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import static dev.ronbun.ingest.parsing.PaperNotesAccuracyReport.paperNotes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.infra.testing.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One Markdown post per paper, with or without front matter, its headings the questions of the Ochiai format. */
class PaperNotesParserTest {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Test
    void readsEachSharedPostAsOnePaperWithItsFrontMatterQuestionsTagsAndNextToRead() throws IOException {
        List<Path> posts;
        try (Stream<Path> files = Files.list(SharedCorpus.directory().resolve("front-matter-posts"))) {
            posts = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        assertThat(posts).hasSize(26);
        for (Path post : posts) {
            String text = Files.readString(post);
            String name = post.getFileName().toString();
            ParsedDocument document = split(text, name);

            assertThat(document.format()).as(name).isEqualTo(DocumentFormat.PAPER_NOTES);
            assertThat(document.warnings()).as(name).isEmpty();
            ParsedPaper paper = document.papers().getFirst();
            assertThat(document.papers()).as(name).hasSize(1);
            assertThat(paper.title()).as(name).isEqualTo(frontMatterValue(text, "title"));
            assertThat(paper.sourceDate()).as(name)
                    .isEqualTo(LocalDate.parse(frontMatterValue(text, "date").substring(0, 10)));
            assertThat(paper.tags()).as(name).containsExactlyElementsOf(frontMatterTags(text));
            assertThat(paper.presenter()).as(name).isEqualTo("retact");
            assertThat(paper.sections()).as(name).extracting(Section::heading)
                    .containsExactlyElementsOf(questionHeadings(text));
            assertThat(paper.summary()).as(name).isNotBlank()
                    .doesNotContain("author:", "title:", "tags:", "---", "<!--more-->");
            assertThat(paper.body()).as(name).doesNotContain("author: \"retact\"");
            String nextToRead = sectionAnswering(paper, "次に読むべき");
            if (nextToRead != null && nextToRead.contains("http")) {
                assertThat(paper.references()).as(name).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.url()).startsWith("http"));
            } else {
                assertThat(paper.references()).as(name).isEmpty();
            }
            assertThat(paper.urls()).as(name).isNotEmpty();
        }
    }

    @Test
    void takesTheSummaryFromTheFirstQuestionAndTheCitationFromTheInformationBlock() throws IOException {
        String name = "2021-04-16-Development-of-five-finger-multi-DoF-myoelectric-hands-with-a-power-allocation-mechanism.md";
        String text = Files.readString(SharedCorpus.directory().resolve("front-matter-posts").resolve(name));

        ParsedPaper paper = split(text, name).papers().getFirst();

        assertThat(paper.summary()).startsWith("ロボットハンドのピンチ動作の冗長な自由度を利用した")
                .endsWith("自由度が高く安定した状態で握力を向上できる。");
        assertThat(paper.sections()).hasSize(6);
        assertThat(paper.sections().getFirst().heading()).isEqualTo("1. どんなもの？");
        assertThat(paper.sections().getLast().text()).doesNotContain("論文情報");
        assertThat(paper.authors()).containsExactly("Tatsuya Seki", "Tatsuhiro Nakamura", "Ryu Kato",
                "Soichiro Morishita", "Hiroshi Yokoi");
        assertThat(paper.urls()).contains("https://ieeexplore.ieee.org/document/6630852");
        assertThat(paper.references()).singleElement().satisfies(reference -> {
            assertThat(reference.title())
                    .isEqualTo("Objectives, criteria and methods for the design of the SmartHand transradial prosthesis");
            assertThat(reference.url()).startsWith("https://www.cambridge.org/core/journals/robotica/");
        });
    }

    @Test
    void foldsNumberedSubPartsIntoTheirQuestion() throws IOException {
        String name = "2021-06-02-Deep-Learning-for-Electromyographic-Hand-Gesture-Signal-Classification-Using-Transfer-Learning.md";
        String text = Files.readString(SharedCorpus.directory().resolve("front-matter-posts").resolve(name));

        ParsedPaper paper = split(text, name).papers().getFirst();

        assertThat(paper.sections()).hasSize(6);
        assertThat(paper.sections().get(1).text()).contains("2.1 わからないこと", "ファインチューリング");
        assertThat(paper.references()).extracting(Reference::title).containsExactly(
                "Adaptive learning to speed-up control of prosthetic hands: A few things everybody should know",
                "EMG Pattern Recognition in the Era of Big Data and Deep Learning",
                "Feature extraction and selection for myoelectric control based on wearable EMG sensors");
    }

    @Test
    void readsTomlFrontMatterWithItsArxivFieldTagsAndCategories() {
        ParsedDocument document = split(paperNotes("toml-flashattention.md"), "toml-flashattention.md");

        ParsedPaper paper = document.papers().getFirst();
        assertThat(document.format()).isEqualTo(DocumentFormat.PAPER_NOTES);
        assertThat(paper.title()).isEqualTo("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness");
        assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2023, 2, 14));
        assertThat(paper.tags()).containsExactly("attention", "GPU", "効率化", "論文メモ");
        assertThat(paper.arxivId()).isEqualTo("2205.14135");
        assertThat(paper.presenter()).isEqualTo("hanako");
        assertThat(paper.summary()).startsWith("注意機構をブロックごとに SRAM 上で計算し");
        assertThat(paper.body()).doesNotContain("+++", "title =");
        assertThat(paper.references()).containsExactly(
                new Reference("FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning",
                        "2307.08691", "https://arxiv.org/abs/2307.08691"),
                new Reference(null, "2112.05682", null));
    }

    @Test
    void takesTheDateFromTheFileNameAndReadsUnnumberedHalfWidthQuestions() {
        ParsedDocument document = split(paperNotes("2023-06-01-lora-notes.md"), "notes/2023-06-01-lora-notes.md");

        ParsedPaper paper = document.papers().getFirst();
        assertThat(document.format()).isEqualTo(DocumentFormat.PAPER_NOTES);
        assertThat(paper.title()).isEqualTo("LoRA: Low-Rank Adaptation of Large Language Models");
        assertThat(paper.arxivId()).isEqualTo("2106.09685");
        assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(paper.sections()).extracting(Section::heading).containsExactly("どんなもの?",
                "先行研究と比べてどこがすごい?", "技術や手法のキモはどこ?", "どうやって有効だと検証した?", "議論はある?",
                "次に読むべき論文は?");
        assertThat(paper.references()).singleElement().isEqualTo(new Reference(
                "QLoRA: Efficient Finetuning of Quantized LLMs", "2305.14314", "https://arxiv.org/abs/2305.14314"));
        assertThat(document.warnings()).isEmpty();
    }

    @Test
    void keepsAJapaneseTitleBesideTheEnglishTitleOfTheCitation() {
        ParsedPaper paper = split(paperNotes("ja-title-en-citation.md"), "ja-title-en-citation.md").papers().getFirst();

        assertThat(paper.titleJa()).isEqualTo("思考の連鎖プロンプトは大規模言語モデルに推論をさせる");
        assertThat(paper.title()).isEqualTo("Chain-of-Thought Prompting Elicits Reasoning in Large Language Models");
        assertThat(paper.authors()).containsExactly("Jason Wei", "Xuezhi Wang", "Dale Schuurmans");
        assertThat(paper.arxivId()).isEqualTo("2201.11903");
        assertThat(paper.references()).extracting(Reference::arxivId).containsExactly("2203.11171");
        assertThat(paper.sections()).hasSize(6);
    }

    @Test
    void readsZennFieldsAndALabelledCitation() {
        ParsedPaper paper = split(paperNotes("zenn-vit.md"), "zenn-vit.md").papers().getFirst();

        assertThat(paper.titleJa()).isEqualTo("An Image is Worth 16x16 Words を読む");
        assertThat(paper.title()).isEqualTo("An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale");
        assertThat(paper.tags()).containsExactly("vit", "transformer", "画像認識");
        assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(paper.authors()).containsExactly("Alexey Dosovitskiy", "Lucas Beyer", "Alexander Kolesnikov");
        assertThat(paper.arxivId()).isEqualTo("2010.11929");
        assertThat(paper.summary()).startsWith("畳み込みを使わず");
        assertThat(paper.references()).singleElement().isEqualTo(new Reference(
                "Training data-efficient image transformers & distillation through attention", "2012.12877", null));
        assertThat(paper.sections()).extracting(Section::heading).doesNotContain("論文情報");
    }

    @Test
    void carriesTheVenueAndYearOfTheCitationWhetherLabelledOrWrittenAsAReference() {
        ParsedPaper labelled = split(paperNotes("zenn-vit.md"), "zenn-vit.md").papers().getFirst();
        ParsedPaper cited = split(paperNotes("ja-title-en-citation.md"), "ja-title-en-citation.md").papers().getFirst();

        assertThat(labelled.venue()).isEqualTo("ICLR 2021");
        assertThat(labelled.year()).isEqualTo(2021);
        assertThat(cited.venue()).isEqualTo("NeurIPS");
        assertThat(cited.year()).isEqualTo(2022);
    }

    @Test
    void readsQiitaCliFieldsAndDropsTheIntroductionTagFromTheTitle() {
        ParsedPaper paper = split(paperNotes("qiita-rag.md"), "qiita-rag.md").papers().getFirst();

        assertThat(paper.title()).isEqualTo("Retrieval-Augmented Generation for Knowledge-Intensive NLP Tasks");
        assertThat(paper.tags()).containsExactly("NLP", "RAG", "論文読み");
        assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2024, 5, 2));
        assertThat(paper.references()).singleElement().isEqualTo(new Reference(
                "REALM: Retrieval-Augmented Language Model Pre-Training", "2002.08909", "https://arxiv.org/abs/2002.08909"));
    }

    @Test
    void readsTheQuestionsAskedInEnglishAndTagsGivenAsOneString() {
        ParsedDocument document = split(paperNotes("english-questions-dpo.md"), "english-questions-dpo.md");

        ParsedPaper paper = document.papers().getFirst();
        assertThat(document.format()).isEqualTo(DocumentFormat.PAPER_NOTES);
        assertThat(paper.sections()).extracting(Section::heading).containsExactly("What is it?",
                "How is it better than previous work?", "Key idea", "How was it validated?", "Discussion",
                "What to read next");
        assertThat(paper.summary()).startsWith("A way to fine-tune a language model on preference pairs");
        assertThat(paper.tags()).containsExactly("rlhf", "alignment");
        assertThat(paper.presenter()).isEqualTo("taro");
        assertThat(paper.references()).extracting(Reference::arxivId).containsExactly("2203.02155");
    }

    @Test
    void namesANoteWithoutTitleByItsObsidianAliases() {
        ParsedPaper paper = split(paperNotes("obsidian-word2vec.md"), "obsidian-word2vec.md").papers().getFirst();

        assertThat(paper.title()).isEqualTo("Efficient Estimation of Word Representations in Vector Space");
        assertThat(paper.titleJa()).isEqualTo("word2vec 論文");
        assertThat(paper.arxivId()).isEqualTo("1301.3781");
        assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2022, 11, 30));
        assertThat(paper.tags()).containsExactly("nlp", "embedding");
        assertThat(paper.sections()).hasSize(5);
        assertThat(paper.references()).isEmpty();
    }

    /** Megabytes of front matter are not handed to the YAML scanner (seconds of CPU); the post is read from its body. */
    @Test
    void readsAPostWithFrontMatterOfMegabytesFromItsBodyWithAWarning() {
        String text = "---\ntitle: \"" + "x".repeat(3_000_000) + "\"\ntags: [nlp]\n---\n"
                + "# BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding\n\n"
                + "## どんなもの？\n双方向の Transformer を事前学習し、多くのタスクで最高性能を出した。\n";

        ParsedDocument document = split(text, "huge-front-matter.md");

        assertThat(document.warnings()).singleElement().asString()
                .contains("front matter has 3000021 characters").contains("read from its body");
        ParsedPaper paper = document.papers().getFirst();
        assertThat(paper.title()).isEqualTo("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding");
        assertThat(paper.tags()).isEmpty();
        assertThat(paper.body()).doesNotContain("xxxx", "tags:");
    }

    @Test
    void readsAPostWhoseFrontMatterDoesNotParseFromItsBodyWithAWarning() {
        ParsedDocument document = split(paperNotes("broken-yaml-bert.md"), "broken-yaml-bert.md");

        assertThat(document.warnings()).singleElement().asString()
                .contains("YAML front matter could not be read").contains("read from its body");
        ParsedPaper paper = document.papers().getFirst();
        assertThat(document.format()).isEqualTo(DocumentFormat.PAPER_NOTES);
        assertThat(paper.title()).isEqualTo("BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding");
        assertThat(paper.body()).doesNotContain("tags: [nlp", "date: 2019");
        assertThat(paper.summary()).doesNotContain("title:");
        assertThat(paper.references()).extracting(Reference::arxivId).containsExactly("1907.11692");
    }

    @Test
    void titlesANoteWithNoTitleAnywhereByItsFileNameAndSaysSo() {
        String name = "2017-03-13-Deep-Learning-applied-to-NLP.md";
        ParsedDocument document = split(paperNotes(name), "/home/me/notes/" + name);

        assertThat(document.papers()).singleElement().satisfies(paper -> {
            assertThat(paper.title()).isEqualTo("Deep Learning applied to NLP");
            assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2017, 3, 13));
            assertThat(paper.sections()).hasSize(5);
        });
        assertThat(document.warnings()).containsExactly(PostDetails.TITLE_FROM_FILE_NAME);
    }

    @Test
    void leavesQuestionsThatRepeatToTheShapesOfSeveralPapers() {
        String two = """
                # Paper one
                ## 1. どんなもの？
                a
                ## 2. 先行研究と比べてどこがすごい？
                b
                # Paper two
                ## 1. どんなもの？
                c
                ## 2. 先行研究と比べてどこがすごい？
                d
                """;

        assertThat(new PaperNotesParser().detect(ParsableText.of(two))).isZero();
        assertThat(split(two, null).papers()).extracting(ParsedPaper::title).containsExactly("Paper one", "Paper two");
    }

    @Test
    void readsTheSectionsOfOnePaperAsOnePaperUnderTheFrontMatterTitle() {
        String post = """
                ---
                title: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"
                date: 2024-02-01
                tags: mamba ssm
                ---
                # Abstract
                状態空間モデルのパラメータを入力に依存させ、選択的に情報を残す。

                # Method
                並列スキャンで学習する。

                # Results
                言語モデリングで同規模の Transformer に並ぶ。
                """;

        ParsedDocument document = split(post, "mamba.md");

        assertThat(document.papers()).singleElement().satisfies(paper -> {
            assertThat(paper.title()).isEqualTo("Mamba: Linear-Time Sequence Modeling with Selective State Spaces");
            assertThat(paper.sections()).extracting(Section::heading).containsExactly("Abstract", "Method", "Results");
            assertThat(paper.summary()).startsWith("状態空間モデルのパラメータを入力に依存させ");
            assertThat(paper.tags()).containsExactly("mamba", "ssm");
            assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        });
    }

    @Test
    void keepsOnePaperPerHeadingWhenTheHeadingsAreTitlesOfDifferentPapers() {
        String post = """
                ---
                title: 今週読んだ論文
                date: 2024-04-05
                tags: [weekly]
                ---
                # Attention Is All You Need
                https://arxiv.org/abs/1706.03762

                Transformer の原論文。

                # Deep Residual Learning for Image Recognition
                https://arxiv.org/abs/1512.03385

                残差接続。
                """;

        ParsedDocument document = split(post, "weekly.md");

        assertThat(document.papers()).extracting(ParsedPaper::title)
                .containsExactly("Attention Is All You Need", "Deep Residual Learning for Image Recognition");
        assertThat(document.papers()).allSatisfy(paper -> {
            assertThat(paper.tags()).containsExactly("weekly");
            assertThat(paper.sourceDate()).isEqualTo(LocalDate.of(2024, 4, 5));
        });
    }

    @Test
    void readsALeadingThematicBreakWithoutFieldsAsText() {
        String text = "---\nこれは区切り線で始まるメモ。\n---\n本文。";

        ParsedDocument document = split(text, null);

        assertThat(document.warnings()).isEmpty();
        assertThat(document.papers().getFirst().body()).contains("本文。");
    }

    @Test
    void readsOurSamplePostsAsOnePaperEach() throws IOException {
        Path samples = Path.of("").toAbsolutePath().getParent().resolve("samples"); // tests run in the module folder

        ParsedPaper flash = sample(samples, "2026-02-20-flashattention.md");
        ParsedPaper rope = sample(samples, "roformer-notes.md");
        ParsedPaper scaling = sample(samples, "2026-03-02-Scaling-Laws-for-Neural-Language-Models.md");

        assertThat(flash.title()).isEqualTo("FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness");
        assertThat(flash.arxivId()).isEqualTo("2205.14135");
        assertThat(flash.references()).extracting(Reference::arxivId).containsExactly("2307.08691", "2112.05682");
        assertThat(rope.titleJa()).isEqualTo("回転位置埋め込みで Transformer を強くする");
        assertThat(rope.title()).isEqualTo("RoFormer: Enhanced Transformer with Rotary Position Embedding");
        assertThat(rope.arxivId()).isEqualTo("2104.09864");
        assertThat(rope.references()).extracting(Reference::arxivId).containsExactly("2306.15595", "2108.12409");
        assertThat(scaling.title()).isEqualTo("Scaling Laws for Neural Language Models");
        assertThat(scaling.sourceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(scaling.arxivId()).isEqualTo("2001.08361");
        assertThat(scaling.authors()).contains("Jared Kaplan");
    }

    @Test
    void readsAPaperWhoseTitleHeadingStandsAboveItsSectionsAtTheSameLevel() {
        String notes = """
                # Attention Is All You Need

                # Abstract
                再帰も畳み込みも使わず、注意機構だけで系列を変換する。

                # Method
                マルチヘッド注意と位置埋め込み。

                # Results
                WMT 2014 英独翻訳で BLEU 28.4。
                """;

        ParsedDocument document = split(notes, null);

        assertThat(document.papers()).singleElement().satisfies(paper -> {
            assertThat(paper.title()).isEqualTo("Attention Is All You Need");
            assertThat(paper.sections()).extracting(Section::heading).containsExactly("Abstract", "Method", "Results");
            assertThat(paper.summary()).startsWith("再帰も畳み込みも使わず");
        });
    }

    @Test
    void stillReadsEveryVariantWithAnyOneLineMissing() {
        for (PaperNotesAccuracyReport.Expected post : PaperNotesAccuracyReport.ourVariants()) {
            List<String> lines = post.text().lines().toList();
            for (int cut = 0; cut < lines.size(); cut++) {
                List<String> kept = new ArrayList<>(lines);
                kept.remove(cut);
                ParsedDocument document = split(String.join("\n", kept), post.name());
                assertThat(document.papers()).as(post.name() + " without line " + (cut + 1)).isNotEmpty();
            }
        }
    }

    private static ParsedPaper sample(Path samples, String name) throws IOException {
        ParsedDocument document = split(Files.readString(samples.resolve(name)), name);
        assertThat(document.format()).as(name).isEqualTo(DocumentFormat.PAPER_NOTES);
        assertThat(document.papers()).as(name).hasSize(1);
        return document.papers().getFirst();
    }

    private static ParsedDocument split(String text, String name) {
        try {
            return new DocumentSplitter().split(text, Optional.empty(), name);
        } catch (DocumentParseException e) {
            return fail("expected the document to split, but: " + e.getMessage(), e);
        }
    }

    private static String frontMatterValue(String text, String key) {
        String value = text.lines().filter(l -> l.startsWith(key + ":")).findFirst().orElseThrow()
                .substring(key.length() + 1).strip();
        return value.replaceAll("^\"|\"$", "");
    }

    private static List<String> frontMatterTags(String text) {
        int from = text.indexOf("tags: [");
        String list = text.substring(from, text.indexOf(']', from));
        List<String> tags = new ArrayList<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    /** The "## …" headings of the post that are not numbered sub-parts ("## 2.1 …") and have an answer. */
    private static List<String> questionHeadings(String text) {
        List<String> lines = text.lines().toList();
        List<String> headings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String heading = lines.get(i).startsWith("## ") ? lines.get(i).substring(3).strip() : null;
            if (heading == null || heading.matches("^\\d+\\.\\d+.*")) {
                continue;
            }
            boolean answered = false;
            for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("#"); j++) {
                answered |= !lines.get(j).isBlank();
            }
            if (answered) {
                headings.add(heading);
            }
        }
        return headings;
    }

    private static String sectionAnswering(ParsedPaper paper, String question) {
        return paper.sections().stream().filter(s -> s.heading().contains(question)).map(Section::text).findFirst()
                .orElse(null);
    }
}
