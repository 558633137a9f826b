package dev.ronbun.embed.embedding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the service takes its model from: a user's model folder when one is configured, otherwise the bundled
 * bge-small-zh-v1.5 int8 copied into the cache folder.
 *
 * @param modelDir  a folder with {@value ModelDescriptor#FILE_NAME}, tokenizer and ONNX file; empty for the bundled model
 * @param cacheRoot where the bundled model is copied to
 */
public record ModelSource(Optional<Path> modelDir, Path cacheRoot) {

    public static ModelSource bundled() {
        return new ModelSource(Optional.empty(), BundledModel.defaultCacheRoot());
    }

    public ModelFolder open() throws IOException {
        return modelDir.isPresent() ? ModelFolder.open(modelDir.get()) : BundledModel.materialise(cacheRoot);
    }
}
