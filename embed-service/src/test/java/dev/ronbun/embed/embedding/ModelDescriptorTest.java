package dev.ronbun.embed.embedding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelDescriptorTest {

    @Test
    void readsTheBundledBgeDescriptor() throws IOException {
        ModelDescriptor descriptor;
        try (InputStream in = getClass().getResourceAsStream("/models/bge-small-zh-v15-q/ronbun-model.json")) {
            descriptor = ModelDescriptor.parse(in.readAllBytes());
        }

        assertThat(descriptor.id()).isEqualTo("bge-small-zh-v15-q");
        assertThat(descriptor.pooling()).isEqualTo(Pooling.CLS_PLUS_MEAN);
        assertThat(descriptor.dimension()).isEqualTo(512);
        assertThat(descriptor.maxTokens()).isEqualTo(512);
        assertThat(descriptor.normalizeEmbeddings()).isTrue();
        assertThat(descriptor.japaneseNormalization()).isTrue();
        assertThat(descriptor.queryPrefix()).isEmpty();
        assertThat(descriptor.tokenizerFile()).isEqualTo("tokenizer.json");
        assertThat(descriptor.modelFile()).isEqualTo("model.onnx");
    }

    @Test
    void readsAnE5StyleDescriptorAndFillsInDefaults() throws IOException {
        ModelDescriptor descriptor = parse("""
                {"id": "multilingual-e5-small", "pooling": "mean", "queryPrefix": "query: ",
                 "passagePrefix": "passage: ", "maxTokens": 512, "dimension": 384,
                 "modelFile": "onnx/model_quantized.onnx"}
                """);

        assertThat(descriptor.pooling()).isEqualTo(Pooling.MEAN);
        assertThat(descriptor.queryPrefix()).isEqualTo("query: ");
        assertThat(descriptor.passagePrefix()).isEqualTo("passage: ");
        assertThat(descriptor.normalizeEmbeddings()).isTrue();
        assertThat(descriptor.japaneseNormalization()).isFalse();
        assertThat(descriptor.tokenizerFile()).isEqualTo("tokenizer.json");
        assertThat(descriptor.modelFile()).isEqualTo("onnx/model_quantized.onnx");
    }

    @Test
    void rejectsAMisspeltFieldInsteadOfIgnoringIt() {
        assertThatThrownBy(() -> parse("""
                {"id": "x", "poolng": "mean", "pooling": "cls", "maxTokens": 512, "dimension": 384}
                """)).isInstanceOf(IOException.class).hasMessageContaining("poolng");
    }

    @Test
    void rejectsAnUnknownPooling() {
        assertThatThrownBy(() -> parse("""
                {"id": "x", "pooling": "max", "maxTokens": 512, "dimension": 384}
                """)).isInstanceOf(IOException.class).hasMessageContaining("one of cls, mean, cls+mean");
    }

    @Test
    void requiresTheDimension() {
        assertThatThrownBy(() -> parse("""
                {"id": "x", "pooling": "cls", "maxTokens": 512}
                """)).isInstanceOf(IOException.class).hasMessageContaining("dimension");
    }

    @Test
    void writesCanonicalJsonThatReadsBackTheSame() throws IOException {
        ModelDescriptor descriptor = parse("""
                {"id": "ruri-small", "pooling": "mean", "queryPrefix": "クエリ: ", "passagePrefix": "文章: ",
                 "maxTokens": 512, "dimension": 768}
                """);

        assertThat(ModelDescriptor.parse(descriptor.toJson())).isEqualTo(descriptor);
    }

    private static ModelDescriptor parse(String json) throws IOException {
        return ModelDescriptor.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryPoolingByItsJsonNameAndNamesThemWhenOneIsUnknown() {
        assertThat(Pooling.parse("cls")).isEqualTo(Pooling.CLS);
        assertThat(Pooling.parse(" MEAN ")).isEqualTo(Pooling.MEAN);
        assertThat(Pooling.parse("cls+mean")).isEqualTo(Pooling.CLS_PLUS_MEAN);
        assertThat(Pooling.CLS_PLUS_MEAN.jsonName()).isEqualTo("cls+mean");
        assertThatThrownBy(() -> Pooling.parse("max"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pooling must be one of cls, mean, cls+mean, not max");
    }
}
