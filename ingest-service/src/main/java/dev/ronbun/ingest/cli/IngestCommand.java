package dev.ronbun.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./ronbun ingest FILE|DIR…}: sends documents to a running ingest-service, with a progress bar and a summary;
 * exits non-zero when any document failed. Sends the curator token in {@code RONBUN_TOKEN} ({@code ./ronbun ingest}
 * mints one), or the one given with {@code --token}.
 */
public final class IngestCommand {

    private static final List<String> DOCUMENT_EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm");

    private IngestCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = System.getenv().getOrDefault("RONBUN_INGEST_URL", "http://127.0.0.1:8081");
        String token = System.getenv("RONBUN_TOKEN");
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].equals("--token") && i + 1 < args.length) {
                token = args[++i];
            } else {
                roots.add(Path.of(args[i]));
            }
        }
        if (roots.isEmpty()) {
            err.println("usage: ronbun ingest [--url http://127.0.0.1:8081] [--token TOKEN] FILE|DIR…");
            return 2;
        }
        List<Path> files;
        try {
            files = documentsUnder(roots);
        } catch (IOException e) {
            err.println("ronbun ingest: " + e.getMessage());
            return 2;
        }
        if (files.isEmpty()) {
            err.println("ronbun ingest: no documents (" + String.join(", ", DOCUMENT_EXTENSIONS) + ") under " + roots);
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ProgressBar progress = new ProgressBar(err, files.size());
        int ingested = 0;
        int duplicates = 0;
        int papers = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            progress.show(file.getFileName().toString());
            try {
                HttpResponse<String> response = http.send(request(url, token, file), HttpResponse.BodyHandlers.ofString());
                JsonNode body = EventJson.mapper().readTree(response.body());
                if (response.statusCode() / 100 == 2) {
                    if (body.path("duplicate").asBoolean()) {
                        duplicates++;
                    } else {
                        ingested++;
                        papers += body.path("paperKeys").size();
                    }
                } else {
                    failures.add(file + ": " + response.statusCode() + " " + body.path("detail").asText(response.body()));
                }
            } catch (ConnectException e) {
                progress.done();
                err.println("ronbun ingest: ingest-service is not reachable at " + url + " (is `./ronbun up` running?)");
                return 1;
            } catch (IOException e) {
                failures.add(file + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        progress.done();
        out.printf(Locale.ROOT, "%d document(s) ingested (%d paper(s)), %d already ingested, %d failed%n",
                ingested, papers, duplicates, failures.size());
        failures.forEach(f -> out.println("  failed: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    static HttpRequest request(String url, String token, Path file) throws IOException {
        String name = file.getFileName().toString();
        String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/documents" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", mediaType(name) + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        return request.build();
    }

    static String mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        }
        return lower.endsWith(".md") || lower.endsWith(".markdown") ? "text/markdown" : "text/plain";
    }

    static List<Path> documentsUnder(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(IngestCommand::isDocument).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(root)) {
                files.add(root);
            } else {
                throw new IOException("no such file or folder: " + root);
            }
        }
        return files;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.equals("readme.md") && DOCUMENT_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** One line redrawn in place: {@code [########------] 5/12 notes.txt}. */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private final int total;
        private int current;

        ProgressBar(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        void show(String item) {
            current++;
            int filled = current * WIDTH / total;
            err.printf("\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), "-".repeat(WIDTH - filled), current, total, item);
            err.flush();
        }

        void done() {
            err.println();
        }
    }
}
