package dev.ronbun.infra.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.stream.Stream;

/** The documents bundled in {@code samples/}, which the local stack ingests so that a fresh stack has papers. */
public final class SampleDocuments {

    private static final List<String> DOCUMENT_EXTENSIONS = List.of(".txt", ".md", ".markdown", ".html", ".htm");

    private final Path folder;

    public SampleDocuments(Path folder) {
        this.folder = folder;
    }

    /**
     * What became of one sample dropped into the inbox.
     *
     * @param reason why ingest-service refused it (from {@code failed/<name>.reason.txt}), or null when it was taken
     */
    public record Delivered(Path file, boolean processed, String reason) {

        public boolean accepted() {
            return processed && reason == null;
        }
    }

    public boolean exist() {
        return Files.isDirectory(folder);
    }

    /**
     * The documents, by name: text, Markdown and HTML files directly in the folder. The README and data files
     * such as {@code topics.json} (evaluation labels) are not documents.
     */
    public List<Path> files() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(SampleDocuments::isDocument)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("readme") && DOCUMENT_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Drops each document into ingest-service's inbox folder, the way a user would, and waits until the watcher has
     * moved each one out (to {@code done/}, or to {@code failed/} with a reason).
     */
    /** Delivers every sample to the inbox, if there are any, and says on {@code progress} how it went. */
    public void deliverAll(Path inbox, Duration timeout, Consumer<String> progress) {
        if (!exist()) {
            progress.accept("No samples/ folder; skipping the sample documents");
            return;
        }
        List<Delivered> delivered = deliverTo(inbox, timeout);
        long accepted = delivered.stream().filter(Delivered::accepted).count();
        for (Delivered refused : delivered.stream().filter(d -> !d.accepted()).toList()) {
            progress.accept("  sample " + refused.file().getFileName() + " was not accepted: " + refused.reason());
        }
        progress.accept("Ingested " + accepted + " of " + delivered.size() + " sample documents through the inbox "
                + inbox);
    }

    public List<Delivered> deliverTo(Path inbox, Duration timeout) {
        List<Path> files = files();
        try {
            Files.createDirectories(inbox);
            Instant deliveredAt = Instant.now().minusSeconds(1);
            for (Path file : files) {
                // Written under a name the watcher ignores, then renamed: it never sees a half-written file.
                Path partial = inbox.resolve(file.getFileName() + ".part");
                Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, inbox.resolve(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (files.stream().anyMatch(f -> Files.exists(inbox.resolve(f.getFileName().toString())))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            return files.stream().map(file -> outcome(inbox, file, deliveredAt)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deliver the samples to " + inbox, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private static Delivered outcome(Path inbox, Path file, Instant deliveredAt) {
        String name = file.getFileName().toString();
        if (Files.exists(inbox.resolve(name))) {
            return new Delivered(file, false, "still in the inbox: ingest-service did not take it in time");
        }
        Path reason = inbox.resolve("failed").resolve(name + ".reason.txt");
        try {
            if (Files.exists(reason) && Files.getLastModifiedTime(reason).toInstant().isAfter(deliveredAt)) {
                return new Delivered(file, true, Files.readString(reason).strip());
            }
        } catch (IOException e) {
            return new Delivered(file, true, "unreadable reason file: " + e.getMessage());
        }
        return new Delivered(file, true, null);
    }
}
