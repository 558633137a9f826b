package dev.ronbun.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneJsonObjectPerPaperWithExactlyTheDocumentedFields() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, """
                2026-03-10 機械学習勉強会

                @Aoi Sato

                [論文] Scaling Laws for Neural Language Models

                  • 損失はモデルサイズとデータ量のべき乗則に従う

                @Ken Ito

                [blog]Self-attention を図で理解する

                  • 図解でわかりやすい
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ParseCommand.run(new String[] {file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = EventJson.mapper().readTree(lines.get(0));
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("title", "titleJa", "arxivId", "urls", "authors", "presenter",
                "kind", "sourceDate", "format", "summary", "sections", "body", "tags", "references",
                "venue", "year");
        assertThat(first.path("presenter").asText()).isEqualTo("Aoi Sato");
        assertThat(first.path("format").asText()).isEqualTo("study-group-notes");
        assertThat(first.path("sourceDate").asText()).isEqualTo("2026-03-10");
        assertThat(EventJson.mapper().readTree(lines.get(1)).path("kind").asText()).isEqualTo("blog");
    }

    @Test
    void aFileWithoutPapersExitsNonZeroWithTheReason() throws Exception {
        Path file = dir.resolve("empty.txt");
        Files.writeString(file, "   \n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ParseCommand.run(new String[] {file.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("empty.txt");
    }
}
