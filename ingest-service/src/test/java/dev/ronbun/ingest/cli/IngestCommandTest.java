package dev.ronbun.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

    @TempDir
    Path folder;

    @Test
    void sendsEachDocumentWithTheTokenAsABearerHeader() throws Exception {
        Path file = Files.writeString(folder.resolve("notes.md"), "# A paper\n");

        HttpRequest request = IngestCommand.request("http://127.0.0.1:8081", "header.claims.signature", file);

        assertThat(request.headers().firstValue("Authorization")).contains("Bearer header.claims.signature");
        assertThat(request.headers().firstValue("Content-Type")).contains("text/markdown; charset=UTF-8");
        assertThat(request.uri().toString()).isEqualTo("http://127.0.0.1:8081/api/documents?name=notes.md");
    }

    @Test
    void walksFoldersRecursivelyAndSaysWhyEachFileThatIsNotATextDocumentIsSkipped() throws Exception {
        Files.createDirectories(folder.resolve("2024/05"));
        Files.createDirectories(folder.resolve(".git/objects"));
        Files.writeString(folder.resolve("2024/05/lora.md"), "# LoRA\n低ランク適応。\n");
        Files.writeString(folder.resolve("notes.txt"), "# Notes\n");
        Files.write(folder.resolve("2024/figure.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.write(folder.resolve("2024/05/binary.txt"), new byte[] {'a', 0, 'b'});
        Files.write(folder.resolve("latin1.md"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(folder.resolve("big.md"), "x".repeat(2000));
        Files.writeString(folder.resolve("empty.md"), "");
        Files.writeString(folder.resolve("README.md"), "# About this folder\n");
        Files.writeString(folder.resolve(".git/objects/ab.md"), "hidden");
        Files.writeString(folder.resolve(".draft.md"), "hidden");

        List<IngestCommand.Candidate> found = IngestCommand.candidatesUnder(List.of(folder), 1000);

        assertThat(found).extracting(c -> folder.relativize(c.file()).toString().replace('\\', '/'))
                .containsExactly("2024/05/binary.txt", "2024/05/lora.md", "2024/figure.png", "README.md", "big.md",
                        "empty.md", "latin1.md", "notes.txt");
        assertThat(found).filteredOn(c -> c.skipReason() == null).extracting(c -> c.file().getFileName().toString())
                .containsExactlyInAnyOrder("lora.md", "notes.txt");
        assertThat(reasonFor(found, "figure.png")).contains("not a text document (.png)");
        assertThat(reasonFor(found, "binary.txt")).contains("binary");
        assertThat(reasonFor(found, "latin1.md")).contains("not UTF-8");
        assertThat(reasonFor(found, "big.md")).contains("over the size limit");
        assertThat(reasonFor(found, "empty.md")).isEqualTo("empty");
    }

    private static String reasonFor(List<IngestCommand.Candidate> found, String name) {
        return found.stream().filter(c -> c.file().getFileName().toString().equals(name)).findFirst().orElseThrow()
                .skipReason();
    }
}
