package dev.ronbun.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads the real documents of {@code shared/corpus}, found by walking up from the working directory. */
final class SharedCorpus {

    private SharedCorpus() {
    }

    static String read(String fileName) {
        try {
            return Files.readString(directory().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a corpus document that contains the given text. */
    static String lineContaining(String fileName, String text) {
        return read(fileName).lines()
                .filter(line -> line.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError(fileName + " has no line containing " + text));
    }

    static Path directory() {
        Path start = Path.of("").toAbsolutePath();
        return Stream.iterate(start, dir -> dir != null, Path::getParent)
                .map(dir -> dir.resolve("shared").resolve("corpus"))
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No shared/corpus above " + start));
    }
}
