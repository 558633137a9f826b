package dev.ronbun.embed.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.ronbun.contracts.events.Section;
import org.apache.lucene.util.VectorUtil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Sorting by length, padding per batch and restoring the order must not change any vector. Checked with the fp32
 * twin of the bundled model, whose outputs do not depend on batch companions as the int8 model's do.
 */
class LengthBatchingTest {

    @TempDir
    static Path folder;

    @Test
    void embedsLengthSortedPaddedBatchesExactlyAsOneByOne() throws IOException {
        ModelFolder fp32 = fp32Folder();
        List<String> passages = List.of(
                "猫",
                "レンガの建物の前を、乳母車を押した女性が歩いています。道の上をバナナを背負った男性が歩いています。",
                "山の上に顔の白い牛が2頭います。",
                "Transformer",
                "大規模言語モデル(LLM)の推論を高速化するため、KVキャッシュを量子化する手法を提案する。",
                "曇り空の山肌で、牛が２匹草を食んでいます。",
                "量子化");
        try (TextEmbedder embedder = new TextEmbedder(fp32, new EmbedderSettings(2, 3, 4096))) {
            assertThat(embedder.maxBatchSize()).isEqualTo(3);

            float[][] batched = embedder.embedPassages(passages);

            for (int i = 0; i < passages.size(); i++) {
                float[] alone = embedder.embedPassages(List.of(passages.get(i)))[0];
                assertThat(batched[i]).as(passages.get(i)).containsExactly(alone, within(1e-4f));
            }
        }
    }

    @Test
    void papersEmbeddedTogetherGetTheVectorsTheyGetAlone() throws IOException {
        List<PaperText> papers = List.of(
                new PaperText("Cows", "牛", "山の上に顔の白い牛が2頭います。", List.of(), "曇り空の山肌で、牛が２匹草を食んでいます。"),
                new PaperText("KV cache", "", "KVキャッシュを量子化する。",
                        List.of(new Section("手法", "大規模言語モデル(LLM)の推論を高速化するため、KVキャッシュを量子化する手法を提案する。"
                                .repeat(12))), ""),
                new PaperText("Cows", "牛", "レンガの建物の前を、乳母車を押した女性が歩いています。", List.of(), "猫"));
        try (TextEmbedder embedder = new TextEmbedder(fp32Folder(), new EmbedderSettings(2, 8, 4096))) {
            PaperVectorizer vectorizer = new PaperVectorizer(embedder, ChunkWeights.defaults());

            List<PaperVector> together = vectorizer.vectorizeAll(papers);

            for (int i = 0; i < papers.size(); i++) {
                PaperVector alone = vectorizer.vectorize(papers.get(i));
                assertThat(VectorUtil.cosine(together.get(i).vector(), alone.vector())).as(papers.get(i).title())
                        .isGreaterThanOrEqualTo(0.9999f);
            }
        }
    }

    private static ModelFolder fp32Folder() throws IOException {
        copy("/bge-small-zh-v1.5.onnx", folder.resolve("model.onnx"));
        copy("/bge-small-zh-v1.5-tokenizer.json", folder.resolve("tokenizer.json"));
        Files.writeString(folder.resolve(ModelDescriptor.FILE_NAME), """
                {"id": "bge-small-zh-v15", "pooling": "mean", "maxTokens": 512, "dimension": 512,
                 "japaneseNormalization": true}
                """);
        return ModelFolder.open(folder);
    }

    private static void copy(String resource, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try (InputStream in = LengthBatchingTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }
}
