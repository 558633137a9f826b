package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.Section;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PaperVectorizerTest {

    private static final String METHOD = "提案手法では、まず入力画像をパッチに分割し、各パッチを線形射影で埋め込みベクトルに変換する。"
            + "次に、位置埋め込みを加えたうえでTransformerエンコーダに入力する！"
            + "エンコーダの各層は自己注意機構と多層パーセプトロンから構成される。"
            + "学習には大規模なデータセットを用い、事前学習の後に下流タスクでファインチューニングを行う？"
            + "推論時にはKVキャッシュを量子化することでメモリ使用量を削減する。\n";

    private static TextEmbedder embedder;
    private static PaperVectorizer vectorizer;

    @BeforeAll
    static void loadBundledModel() {
        embedder = TestModels.bundledEmbedder();
        vectorizer = new PaperVectorizer(embedder, ChunkWeights.defaults());
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void cutsAPaperLongerThanTheModelLimitIntoSeveralChunksAndReturnsOneUnitVector() {
        PaperText paper = new PaperText("Efficient Vision Transformers", "効率的な画像Transformer",
                "画像をパッチに分けてTransformerで処理し、KVキャッシュ量子化で推論を軽くした。",
                List.of(new Section("2. アプローチ", METHOD.repeat(12)), new Section("3. 結果", "精度が向上した。")), "");
        assertThat(embedder.passageTokenCount(METHOD.repeat(12))).isGreaterThan(3 * embedder.maxTokens());

        PaperVector result = vectorizer.vectorize(paper);

        assertThat(result.chunkCount()).isGreaterThanOrEqualTo(6);
        assertThat(result.tokenCount()).isGreaterThan(3 * embedder.maxTokens());
        assertThat(result.vector()).hasSize(512);
        assertThat(Math.sqrt(VectorUtil.dotProduct(result.vector(), result.vector()))).isCloseTo(1.0, within(1e-5));
        assertThat(result.embedding().modelId()).isEqualTo("bge-small-zh-v15-q");
        assertThat(result.embedding().modelVersion()).isEqualTo(embedder.modelVersion());
    }

    @Test
    void keepsEveryChunkWithinTheModelLimitAndSplitsOverlongSectionsAtSentenceEnds() {
        PaperChunker chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
        PaperText paper = new PaperText("", "", "", List.of(new Section("手法", METHOD.repeat(12))), "");

        List<PaperChunk> chunks = chunker.chunk(paper);

        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(chunk -> {
            assertThat(embedder.passageTokenCount(chunk.text())).isLessThanOrEqualTo(embedder.maxTokens());
            assertThat(chunk.text()).endsWith("。");
        });
        assertThat(chunks.get(0).text()).startsWith("手法\n提案手法では");
    }

    @Test
    void packsShortSectionsTogetherInsteadOfEmbeddingEachAlone() {
        PaperChunker chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
        List<Section> sections = List.of(new Section("1. 背景", "既存手法は遅い。"), new Section("2. 手法", "量子化する。"),
                new Section("3. 結果", "二倍速くなった。"));

        List<PaperChunk> chunks = chunker.chunk(new PaperText("", "", "", sections, ""));

        assertThat(chunks).singleElement().extracting(PaperChunk::text)
                .isEqualTo("1. 背景\n既存手法は遅い。\n\n2. 手法\n量子化する。\n\n3. 結果\n二倍速くなった。");
    }

    @Test
    void leavesOutABodyThatOnlyRepeatsTheSections() {
        PaperChunker chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
        List<Section> sections = List.of(new Section("手法", "量子化する。"), new Section("結果", "二倍速くなった。"));
        String repeatingBody = "# Title\n\n## 手法\n\n量子化する。\n\n## 結果\n\n二倍速くなった。";

        List<PaperChunk> withBody = chunker.chunk(new PaperText("T", "", "", sections, repeatingBody));
        List<PaperChunk> withoutBody = chunker.chunk(new PaperText("T", "", "", sections, ""));

        assertThat(withBody).isEqualTo(withoutBody);
    }

    @Test
    void embedsTheBodyParagraphByParagraphWhenThereAreNoSections() {
        PaperChunker chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());

        List<PaperChunk> chunks = chunker.chunk(new PaperText("Title", "", "", List.of(), "第一段落。\n\n第二段落。"));

        assertThat(chunks).extracting(PaperChunk::part).containsExactly(PaperChunk.Part.TITLE, PaperChunk.Part.BODY);
        assertThat(chunks.get(1).text()).isEqualTo("第一段落。\n\n第二段落。");
    }

    @Test
    void placesAPaperNearerToAQueryAboutItsTitleThanAnUnrelatedPaper() {
        PaperVector diffusion = vectorizer.vectorize(new PaperText("Fast Diffusion Sampling", "拡散モデルの高速サンプリング",
                "拡散モデルによる画像生成のステップ数を減らした。", List.of(new Section("手法", METHOD)), ""));
        PaperVector robotics = vectorizer.vectorize(new PaperText("Robot Grasping", "ロボットの把持学習",
                "強化学習でロボットアームに物体の把持を学習させた。", List.of(new Section("手法", METHOD)), ""));
        float[] query = embedder.embedQuery("拡散モデルで画像を速く生成する");

        assertThat(VectorUtil.dotProduct(query, diffusion.vector())).isGreaterThan(VectorUtil.dotProduct(query, robotics.vector()));
    }

    @Test
    void fillsEachPassageCloseToTheLimitAndCutsItAtASentenceEnd() {
        PaperChunker chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
        // Sections of about 60 % of the limit each: one passage per section would leave 40 % of every pass unused.
        StringBuilder built = new StringBuilder();
        List<String> methodSentences = PaperChunker.sentences(METHOD.strip());
        for (int i = 0; embedder.passageTokenCount(built.toString()) < embedder.maxTokens() * 0.55; i++) {
            built.append(methodSentences.get(i % methodSentences.size()));
        }
        String section = built.toString();
        int sectionTokens = embedder.passageTokenCount(section);
        assertThat(sectionTokens).isBetween(embedder.maxTokens() / 2, embedder.maxTokens() * 3 / 4);
        List<Section> sections = List.of(new Section("1", section), new Section("2", section),
                new Section("3", section), new Section("4", section), new Section("5", section));

        List<PaperChunk> chunks = chunker.chunk(new PaperText("", "", "", sections, ""));

        int longestSentence = PaperChunker.sentences(METHOD).stream().mapToInt(embedder::passageTokenCount).max()
                .orElseThrow();
        assertThat(chunks).as("5 sections of 55-75 %% of the limit fill fewer passages than 5").hasSizeLessThan(5);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> {
            assertThat(chunk.tokens()).isLessThanOrEqualTo(embedder.maxTokens())
                    .isGreaterThan(embedder.maxTokens() - longestSentence);
            assertThat(chunk.text()).matches("(?s).*[。！？]");
        });
        String joined = String.join("", chunks.stream().map(PaperChunk::text).toList()).replaceAll("\\s", "");
        assertThat(joined).as("nothing lost").isEqualTo(sections.stream()
                .map(s -> s.heading() + s.text()).reduce("", String::concat).replaceAll("\\s", ""));
    }

    @Test
    void leavesTheTitleAndSummaryOutOfTheBodyWhereItRepeatsThem() {
        PaperChunker chunker = new PaperChunker(embedder::passageTokenCount, embedder.maxTokens());
        String title = "Efficient Vision Transformers";
        String summary = "画像をパッチに分けてTransformerで処理し、KVキャッシュ量子化で推論を軽くした。";
        String body = "# " + title + "\n\n" + summary + "\n\n" + METHOD;

        List<PaperChunk> chunks = chunker.chunk(new PaperText(title, "", summary, List.of(), body));

        assertThat(chunks).extracting(PaperChunk::part)
                .containsExactly(PaperChunk.Part.TITLE, PaperChunk.Part.SUMMARY, PaperChunk.Part.BODY);
        assertThat(chunks.get(2).text()).doesNotContain(title).doesNotContain(summary).contains("提案手法では");
    }

    @Test
    void refusesAPaperWithoutAnyText() {
        assertThatThrownBy(() -> vectorizer.vectorize(new PaperText(null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
