package dev.ronbun.embed.embedding;

import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A user's own Hugging Face-style folder, with the layout and descriptor an e5-style model would have. */
class ForeignModelFolderTest {

    @TempDir
    Path folder;

    @Test
    void loadsAnE5StyleFolderWithMeanPoolingPrefixesAndItsOwnFileLayout() throws IOException {
        ModelFolder bundled = TestModels.bundled();
        Files.createDirectories(folder.resolve("onnx"));
        Files.copy(bundled.modelFile(), folder.resolve("onnx/model_quantized.onnx"));
        Files.copy(bundled.tokenizerFile(), folder.resolve("tokenizer.json"));
        Files.writeString(folder.resolve(ModelDescriptor.FILE_NAME), """
                {"id": "e5-style-test", "pooling": "mean", "normalizeEmbeddings": true,
                 "queryPrefix": "query: ", "passagePrefix": "passage: ", "maxTokens": 256, "dimension": 512,
                 "modelFile": "onnx/model_quantized.onnx"}
                """);

        ModelFolder foreign = ModelFolder.open(folder);
        try (TextEmbedder embedder = new TextEmbedder(foreign, EmbedderSettings.defaults())) {
            float[] query = embedder.embedQuery("量子化");
            float[][] passages = embedder.embedPassages(List.of("モデルの量子化", "料理のレシピ"));

            assertThat(foreign.modelVersion()).isNotEqualTo(bundled.modelVersion());
            assertThat(embedder.descriptor().pooling()).isEqualTo(Pooling.MEAN);
            assertThat(embedder.passageTokenCount("")).as("[CLS] passage : [SEP]").isEqualTo(5);
            assertThat(Math.sqrt(VectorUtil.dotProduct(query, query))).isCloseTo(1.0, within(1e-5));
            assertThat(VectorUtil.dotProduct(query, passages[0])).isGreaterThan(VectorUtil.dotProduct(query, passages[1]));
        }
    }

    @Test
    void refusesAFolderWhoseDescriptorStatesTheWrongDimension() throws IOException {
        ModelFolder bundled = TestModels.bundled();
        Files.copy(bundled.modelFile(), folder.resolve("model.onnx"));
        Files.copy(bundled.tokenizerFile(), folder.resolve("tokenizer.json"));
        Files.writeString(folder.resolve(ModelDescriptor.FILE_NAME), """
                {"id": "wrong-dimension", "pooling": "cls", "maxTokens": 512, "dimension": 384}
                """);

        ModelFolder wrong = ModelFolder.open(folder);
        assertThatThrownBy(() -> new TextEmbedder(wrong, EmbedderSettings.defaults()).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("512-dimensional").hasMessageContaining("384");
    }

    @Test
    void namesTheMissingFileOfAnIncompleteFolder() throws IOException {
        Files.writeString(folder.resolve(ModelDescriptor.FILE_NAME), """
                {"id": "incomplete", "pooling": "cls", "maxTokens": 512, "dimension": 512}
                """);

        assertThatThrownBy(() -> ModelFolder.open(folder)).isInstanceOf(IOException.class).hasMessageContaining("model.onnx");
    }
}
