package dev.ronbun.embed.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The real bundled model, as the tests use it. */
final class TestModels {

    private TestModels() {
    }

    static ModelFolder bundled() {
        try {
            return BundledModel.materialise(BundledModel.defaultCacheRoot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TextEmbedder bundledEmbedder() {
        try {
            return new TextEmbedder(bundled(), new EmbedderSettings(2, 8, 4096));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
