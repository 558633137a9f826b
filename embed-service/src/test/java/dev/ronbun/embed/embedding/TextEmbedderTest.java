package dev.ronbun.embed.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.ronbun.text.ModelTextNormalizer;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextEmbedderTest {

    private static final List<String> MIXED_LENGTHS = List.of(
            "山の上に顔の白い牛が2頭います。",
            "猫",
            "レンガの建物の前を、乳母車を押した女性が歩いています。道の上をバナナを背負った男性が歩いています。",
            "大規模言語モデル(LLM)の推論を高速化するため、KVキャッシュを量子化する手法を提案する。",
            "Transformer",
            "曇り空の山肌で、牛が２匹草を食んでいます。");

    private static TextEmbedder embedder;

    @BeforeAll
    static void loadBundledModel() {
        embedder = TestModels.bundledEmbedder();
    }

    @AfterAll
    static void closeModel() {
        embedder.close();
    }

    @Test
    void makesUnitVectorsOfTheDescriptorsDimension() {
        float[][] vectors = embedder.embedPassages(MIXED_LENGTHS);

        assertThat(vectors.length).isEqualTo(MIXED_LENGTHS.size());
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(512);
            assertThat(Math.sqrt(VectorUtil.dotProduct(vector, vector))).isCloseTo(1.0, within(1e-5));
        }
        assertThat(embedder.embedQuery("量子化")).hasSize(512);
    }

    @Test
    void scoresAJapaneseParaphraseAboveAnUnrelatedSentence() {
        float[][] vectors = embedder.embedPassages(List.of(
                "バナナを持った人が道路を通行しています。",
                "道の上をバナナを背負った男性が歩いています。",
                "厩舎で馬と女性とが寄り添っています。"));

        float paraphrase = VectorUtil.dotProduct(vectors[0], vectors[1]);
        float unrelated = VectorUtil.dotProduct(vectors[0], vectors[2]);
        assertThat(paraphrase).isGreaterThan(unrelated + 0.05f);
    }

    @Test
    void findsTheRelatedPaperFromAQuery() {
        float[] query = embedder.embedQuery("拡散モデルによる画像生成");
        float[][] passages = embedder.embedPassages(List.of(
                "テキストから画像を生成する拡散モデルのサンプリングを高速化した。",
                "強化学習でロボットアームの把持を学習させた。"));

        assertThat(VectorUtil.dotProduct(query, passages[0])).isGreaterThan(VectorUtil.dotProduct(query, passages[1]));
    }

    @Test
    void givesEachTextTheVectorItGetsAloneWhateverItIsBatchedWith() {
        float[][] together = embedder.embedPassages(MIXED_LENGTHS);

        for (int i = 0; i < MIXED_LENGTHS.size(); i++) {
            float[] alone = embedder.embedPassages(List.of(MIXED_LENGTHS.get(i)))[0];
            assertThat(together[i]).containsExactly(alone, within(1e-4f));
        }
    }

    @Test
    void runsTheBundledInt8ModelOneTextPerPassBecauseItQuantisesActivationsPerBatch() {
        assertThat(embedder.maxBatchSize()).isEqualTo(1);
    }

    @Test
    void truncatesPassagesLongerThanTheModelLimit() {
        String longPassage = "深層学習モデルの学習には大量のデータが必要である。".repeat(80);
        assertThat(embedder.passageTokenCount(longPassage)).isGreaterThan(embedder.maxTokens());

        float[] vector = embedder.embedPassages(List.of(longPassage))[0];

        assertThat(Math.sqrt(VectorUtil.dotProduct(vector, vector))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void servesConcurrentCallersWithTheSameVectorsAsASingleCaller() throws Exception {
        float[][] expected = embedder.embedPassages(MIXED_LENGTHS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = pool.invokeAll(
                    java.util.Collections.nCopies(8, () -> embedder.embedPassages(MIXED_LENGTHS)));
            for (Future<float[][]> result : results) {
                float[][] actual = result.get();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).containsExactly(expected[i], within(1e-6f));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void normalisationRemovesTheUnknownTokensThatVoicedKanaCause() throws IOException {
        String sentence = "画像が多いドキュメントをプレビューで確認できます。";
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(TestModels.bundled().tokenizerFile())) {
            long unknownRaw = unknownTokens(tokenizer, sentence);
            long unknownNormalised = unknownTokens(tokenizer, ModelTextNormalizer.normalize(sentence));

            assertThat(unknownRaw).isGreaterThanOrEqualTo(3);
            assertThat(unknownNormalised).isZero();
        }
    }

    @Test
    void normalisationRemovesTheUnknownTokensThatUppercaseLatinCauses() throws IOException {
        String sentence = "LLMとTransformerの比較";
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(TestModels.bundled().tokenizerFile())) {
            assertThat(unknownTokens(tokenizer, sentence)).isPositive();
            assertThat(unknownTokens(tokenizer, ModelTextNormalizer.normalize(sentence))).isZero();
        }
    }

    private static long unknownTokens(HuggingFaceTokenizer tokenizer, String text) {
        return Arrays.stream(tokenizer.encode(text).getTokens()).filter("[UNK]"::equals).count();
    }
}
