package dev.ronbun.embed.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The real bundled model and the shared evaluation data, as the tests use them. */
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

    static Path evalFileOrSkip() {
        return JstsEvaluation.locateEvalFile().orElseThrow(() -> new org.opentest4j.TestAbortedException(
                "no shared/" + JstsEvaluation.EVAL_FILE + " beside the repository"));
    }
}
