package dev.ronbun.embed.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local model ready to load: the folder, its descriptor, and the fingerprint of the two together.
 *
 * @param directory    the folder holding the descriptor, tokenizer and ONNX file
 * @param descriptor   how to run the model
 * @param modelVersion fingerprint of files and descriptor, stored with every vector (see {@link ModelFingerprint})
 */
public record ModelFolder(Path directory, ModelDescriptor descriptor, String modelVersion) {

    /** Opens a folder with {@value ModelDescriptor#FILE_NAME}, a tokenizer and an ONNX file. */
    public static ModelFolder open(Path directory) throws IOException {
        return of(directory, ModelDescriptor.read(directory));
    }

    /** Uses the files of {@code directory} with a descriptor given in code (an override of the one on disk). */
    public static ModelFolder of(Path directory, ModelDescriptor descriptor) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Path model = absolute.resolve(descriptor.modelFile());
        Path tokenizer = absolute.resolve(descriptor.tokenizerFile());
        for (Path required : new Path[] {model, tokenizer}) {
            if (!Files.isRegularFile(required)) {
                throw new IOException("model folder " + absolute + " lacks " + absolute.relativize(required));
            }
        }
        return new ModelFolder(absolute, descriptor, ModelFingerprint.of(model, tokenizer, descriptor));
    }

    public ModelFolder withDescriptor(ModelDescriptor changed) throws IOException {
        return of(directory, changed);
    }

    public Path modelFile() {
        return directory.resolve(descriptor.modelFile());
    }

    public Path tokenizerFile() {
        return directory.resolve(descriptor.tokenizerFile());
    }
}
