package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The index's boundary, as docs/architecture.md describes it: Lucene stays inside {@code index/}, so rankings, search
 * and the API speak to the index only through its beans and records.
 */
class IndexBoundaryTest {

    /** Maven runs tests in the module's folder. */
    private static final Path MAIN = Path.of("src/main/java/dev/ronbun/recommend");

    @Test
    void noMainCodeOutsideTheIndexImportsLucene() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<String> importing = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(MAIN.resolve("index")))
                    .filter(file -> read(file).contains("import org.apache.lucene"))
                    .map(file -> MAIN.relativize(file).toString())
                    .toList();

            assertThat(importing).isEmpty();
        }
    }

    @Test
    void theIndexIsFoundWhereTheBoundaryCheckLooks() {
        assertThat(MAIN.resolve("index/PaperIndex.java")).exists();
        assertThat(read(MAIN.resolve("index/PaperIndex.java"))).contains("import org.apache.lucene");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
