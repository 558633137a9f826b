package dev.ronbun.embed.embedding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class BundledModelTest {

    @TempDir
    Path cache;

    @Test
    void materialisesTheBundledModelAsAnOrdinaryModelFolder() throws IOException {
        ModelFolder folder = BundledModel.materialise(cache);

        assertThat(folder.directory()).isEqualTo(cache.resolve(BundledModel.ID).toAbsolutePath());
        assertThat(folder.modelFile()).isRegularFile().hasFileName("model.onnx");
        assertThat(folder.tokenizerFile()).isRegularFile().hasFileName("tokenizer.json");
        assertThat(folder.directory().resolve(ModelDescriptor.FILE_NAME)).isRegularFile();
        assertThat(Files.size(folder.modelFile())).isGreaterThan(20_000_000);
        assertThat(folder.modelVersion()).hasSize(16);
    }

    @Test
    void reusesAnExistingCopyAndKeepsTheSameFingerprint() throws IOException {
        ModelFolder first = BundledModel.materialise(cache);
        FileTime copiedAt = Files.getLastModifiedTime(first.modelFile());

        ModelFolder second = BundledModel.materialise(cache);

        assertThat(Files.getLastModifiedTime(second.modelFile())).isEqualTo(copiedAt);
        assertThat(second.modelVersion()).isEqualTo(first.modelVersion());
    }

    @Test
    void fingerprintChangesWithTheDescriptor() throws IOException {
        ModelFolder folder = BundledModel.materialise(cache);

        ModelFolder raw = folder.withDescriptor(folder.descriptor().withJapaneseNormalization(false));

        assertThat(raw.modelVersion()).isNotEqualTo(folder.modelVersion());
    }
}
