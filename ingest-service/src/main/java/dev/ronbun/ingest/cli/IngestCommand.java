package dev.ronbun.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.cli.RonbunVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./ronbun ingest FILE|DIR…}: walks folders recursively and sends each text document to a running
 * ingest-service, one line per file (sent, duplicate, skipped and why, failed and why) and a summary line; exits
 * non-zero when any document failed. Hidden files and folders ({@code .git}…) are passed over silently; anything
 * else that is not a text document (images, binaries, files over the size limit) is skipped with a note. Sends the
 * curator token in {@code RONBUN_TOKEN} ({@code ./ronbun ingest} mints one), or the one given with {@code --token}.
 */
@Command(name = "ronbun ingest", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
        description = "Sends documents to a running ingest-service, one line per file.")
public final class IngestCommand implements Callable<Integer> {

    private static final List<String> DOCUMENT_EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm");
    /** ingest-service's default ronbun.ingest.max-document-bytes; a larger file would only be refused with 413. */
    static final long DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
    private static final int SNIFF_BYTES = 8192;
    /**
     * Tries of one file while the service answers "try again later": 429 (its write limit; Retry-After about 1 s) or
     * 503 with Retry-After (its database restarting; 5 s), so at most about ten seconds or a minute.
     */
    private static final int BUSY_ATTEMPTS = 10;

    @Mixin
    IngestServiceOptions service;

    @Option(names = "--max-bytes", paramLabel = "N", description = "files larger than this are skipped (default: "
            + "${DEFAULT-VALUE})")
    long maxBytes = DEFAULT_MAX_BYTES;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "documents, and folders walked recursively")
    List<Path> roots;

    private final PrintStream out;
    private final PrintStream err;

    private IngestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A file found under the roots, and why it is not sent (null when it is). */
    record Candidate(Path file, String skipReason) {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new IngestCommand(out, err)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() {
        List<Candidate> candidates;
        try {
            candidates = candidatesUnder(roots, maxBytes);
        } catch (IOException e) {
            err.println("ronbun ingest: " + e.getMessage());
            return 2;
        }
        if (candidates.isEmpty()) {
            err.println("ronbun ingest: no files under " + roots);
            return 1;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int sent = 0;
        int duplicates = 0;
        int skipped = 0;
        int failed = 0;
        int papers = 0;
        for (Candidate candidate : candidates) {
            Path file = candidate.file();
            if (candidate.skipReason() != null) {
                skipped++;
                out.println("skipped    " + file + ": " + candidate.skipReason());
                continue;
            }
            try {
                HttpResponse<String> response = sendWaitingOutRetryAfter(http, file);
                JsonNode body = readJson(response.body());
                if (response.statusCode() / 100 == 2) {
                    if (body.path("duplicate").asBoolean()) {
                        duplicates++;
                        out.println("duplicate  " + file + " (already ingested)");
                    } else {
                        sent++;
                        int count = body.path("paperKeys").size();
                        papers += count;
                        out.printf(Locale.ROOT, "sent       %s (%d paper(s), %s)%n", file, count, body.path("format").asText());
                    }
                    body.path("warnings").forEach(w -> out.println("           warning: " + w.asText()));
                    body.path("rejected").forEach(r -> out.println("           rejected paper: " + r.path("reason").asText()));
                } else {
                    failed++;
                    out.println("failed     " + file + ": " + response.statusCode() + " "
                            + body.path("detail").asText(response.body()));
                }
            } catch (ConnectException e) {
                err.println("ronbun ingest: ingest-service is not reachable at " + service.url + " (is `./ronbun up` running?)");
                return 1;
            } catch (IOException e) {
                failed++;
                out.println("failed     " + file + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        out.printf(Locale.ROOT, "%d sent (%d paper(s)), %d already ingested, %d skipped, %d failed%n",
                sent, papers, duplicates, skipped, failed);
        return failed == 0 ? 0 : 1;
    }

    /**
     * Sends one file, waiting as the service asks when it answers "try again later", a bounded number of times. The
     * service allows each caller a number of writes a minute (ronbun.rate-limit): a folder with more files than that
     * gets 429 part way. While its database is unreachable (a restart, a fail-over) it answers 503 with Retry-After.
     * Either is waited out here instead of failing every file that meets it.
     */
    private HttpResponse<String> sendWaitingOutRetryAfter(HttpClient http, Path file)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request(service.url, service.token, file),
                    HttpResponse.BodyHandlers.ofString());
            String reason = busyReason(response);
            if (reason == null || attempt == BUSY_ATTEMPTS) {
                return response;
            }
            Duration wait = retryAfter(response);
            out.printf(Locale.ROOT, "waiting    %d s for %s%n", wait.toSeconds(), reason);
            Thread.sleep(wait.toMillis());
        }
    }

    /** Why the service asked to be tried again later, or null when it did not. */
    private static String busyReason(HttpResponse<String> response) {
        if (response.statusCode() == 429) {
            return "the service's write limit (429)";
        }
        if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()) {
            String title = readJson(response.body()).path("title").asText("");
            return "the service (503" + (title.isBlank() ? "" : ": " + title) + ")";
        }
        return null;
    }

    /** The answer's Retry-After in whole seconds, kept between 1 and 60; 1 when absent or not a number. */
    private static Duration retryAfter(HttpResponse<?> response) {
        long seconds = response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return 1L;
            }
        }).orElse(1L);
        return Duration.ofSeconds(Math.clamp(seconds, 1, 60));
    }

    private static JsonNode readJson(String body) {
        try {
            return EventJson.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return EventJson.mapper().createObjectNode();
        }
    }

    static HttpRequest request(String url, String token, Path file) throws IOException {
        String name = file.getFileName().toString();
        String query = "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        return IngestServiceOptions.request(url, token, "/api/documents" + query)
                .header("Content-Type", mediaType(name) + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))).build();
    }

    static String mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return "text/html";
        }
        return lower.endsWith(".md") || lower.endsWith(".markdown") ? "text/markdown" : "text/plain";
    }

    /**
     * Every file under the roots in path order, each with the reason it is skipped, if it is. A file named on the
     * command line is sent whatever its extension, if it is text.
     */
    static List<Candidate> candidatesUnder(List<Path> roots, long maxBytes) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> files = new ArrayList<>();
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile() && !isHidden(file)) {
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        files.add(file);
                        return FileVisitResult.CONTINUE;
                    }
                });
                files.sort(Comparator.naturalOrder());
                for (Path file : files) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.equals("readme.md")) {
                        candidates.add(new Candidate(file, "a README, not a document"));
                    } else if (DOCUMENT_EXTENSIONS.stream().noneMatch(name::endsWith)) {
                        candidates.add(new Candidate(file, "not a text document (" + extension(name) + ")"));
                    } else {
                        candidates.add(new Candidate(file, unsendable(file, maxBytes)));
                    }
                }
            } else if (Files.isRegularFile(root)) {
                candidates.add(new Candidate(root, unsendable(root, maxBytes)));
            } else {
                throw new IOException("no such file or folder: " + root);
            }
        }
        return candidates;
    }

    /** Why the file cannot be sent as a document (too large, empty, binary, not UTF-8), or null when it can. */
    static String unsendable(Path file, long maxBytes) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                return "empty";
            }
            if (size > maxBytes) {
                return "over the size limit (" + size + " bytes; at most " + maxBytes + ")";
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(SNIFF_BYTES);
            }
            for (byte b : head) {
                if (b == 0) {
                    return "binary (it contains NUL bytes)";
                }
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, completeUtf8Length(head)));
            } catch (CharacterCodingException e) {
                return "not UTF-8 text";
            }
            return null;
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /** The length of {@code head} without a UTF-8 sequence cut at its end by the sniff limit. */
    private static int completeUtf8Length(byte[] head) {
        if (head.length < SNIFF_BYTES) {
            return head.length;
        }
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if ((b & 0xC0) == 0xC0) {
                return end - back;
            }
            if ((b & 0x80) == 0) {
                return end;
            }
        }
        return end;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "no extension" : name.substring(dot);
    }
}
