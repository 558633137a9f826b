package dev.ronbun.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
