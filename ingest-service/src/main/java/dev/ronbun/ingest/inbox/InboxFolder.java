package dev.ronbun.ingest.inbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The inbox folder on disk: which files are ready, and where they go once processed. */
final class InboxFolder {

    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String REASON_SUFFIX = ".reason.txt";

    private final Path dir;

    InboxFolder(Path dir) {
        this.dir = dir;
    }

    void create() throws IOException {
        Files.createDirectories(dir.resolve(DONE));
        Files.createDirectories(dir.resolve(FAILED));
    }

    Path dir() {
        return dir;
    }

    /** Regular, visible files not modified within the settle time, oldest first. */
    List<Path> readyFiles(Duration settleTime) throws IOException {
        Instant settledBefore = Instant.now().minus(settleTime);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !isHiddenOrPartial(f.getFileName().toString()))
                    .filter(f -> lastModified(f).isBefore(settledBefore))
                    .sorted((a, b) -> lastModified(a).compareTo(lastModified(b)))
                    .toList();
        }
    }

    void moveToDone(Path file) throws IOException {
        Files.move(file, freeName(dir.resolve(DONE), file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }

    void moveToFailed(Path file, String reason) throws IOException {
        Path target = freeName(dir.resolve(FAILED), file.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(target.resolveSibling(target.getFileName() + REASON_SUFFIX), reason + System.lineSeparator(),
                StandardCharsets.UTF_8);
    }

    static String mediaTypeOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html";
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "text/markdown";
        }
        return "text/plain";
    }

    private static boolean isHiddenOrPartial(String name) {
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith("~");
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.MAX; // vanished or unreadable: not ready
        }
    }

    /** The name itself if free, else name-2, name-3, … so that a re-sent file never overwrites an earlier one. */
    private static Path freeName(Path folder, String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = folder.resolve(stem + "-" + i + extension);
        }
        return candidate;
    }
}
