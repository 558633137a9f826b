package dev.ronbun.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The real documents of {@code shared/corpus}, the folder {@code shared/} beside the repository root (test material
 * only: tests read it from there, the project never copies it). Found by walking up from the working directory.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    public static String read(String fileName) {
        try {
            return Files.readString(directory().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a corpus document that contains the given text. */
    public static String lineContaining(String fileName, String text) {
        return read(fileName).lines()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(fileName + " has no line containing " + text));
    }

    public static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        return Stream.iterate(start, dir -> dir != null, Path::getParent)
                .map(dir -> dir.resolve("shared").resolve("corpus"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No shared/corpus above " + start
                        + ": the folder shared/ must lie beside the repository root"));
    }
}
