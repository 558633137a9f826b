package dev.ronbun.ingest.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The inbox folder on disk: which entries are ready, how a document is read without ever leaving the folder, and
 * where entries go once processed. Only regular files with a single link, whose real path is inside the inbox, are
 * read; symbolic links, hard links, FIFOs, devices and sockets are moved to {@code failed/} as they are (a link is
 * moved itself; its target is never opened).
 */
final class InboxFolder {

    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String REASON_SUFFIX = ".reason.txt";

    private final Path dir;

    InboxFolder(Path dir) {
        this.dir = dir;
    }

    void create() throws IOException {
        Files.createDirectories(dir);
        for (String sub : List.of(DONE, FAILED)) {
            Path folder = dir.resolve(sub);
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            }
        }
        requireOwnFolders();
    }

    Path dir() {
        return dir;
    }

    /** An entry of the inbox that has settled: a file to read, or something to refuse without reading it. */
    record Entry(Path path, BasicFileAttributes attributes) {

        String name() {
            return path.getFileName().toString();
        }
    }

    /** Visible entries other than done/ and failed/, not modified within the settle time, oldest first. */
    List<Entry> readyEntries(Duration settleTime) throws IOException {
        Instant settledBefore = Instant.now().minus(settleTime);
        List<Entry> ready = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                String name = path.getFileName().toString();
                if (isHiddenOrPartial(name)) {
                    continue;
                }
                BasicFileAttributes attributes = attributesOf(path);
                if (attributes == null || attributes.isDirectory()) {
                    continue; // vanished, or a real folder (done/, failed/ or the sender's own): not a document
                }
                if (attributes.lastModifiedTime().toInstant().isBefore(settledBefore)) {
                    ready.add(new Entry(path, attributes));
                }
            }
        }
        ready.sort(Comparator.comparing(e -> e.attributes().lastModifiedTime()));
        return ready;
    }

    /**
     * Why this entry may not be read, or {@code null} when it may: symbolic links, anything but a regular file,
     * a file with more than one hard link (its content belongs to a name elsewhere too) and a file whose real path
     * is outside the inbox are refused.
     */
    String refusalOf(Entry entry) throws IOException {
        BasicFileAttributes attributes = entry.attributes();
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link; the inbox takes regular files only and never follows links"
                    + " (the link itself was moved here, its target was not read)";
        }
        if (!attributes.isRegularFile()) {
            return "it is not a regular file (a FIFO, socket or device); the inbox takes regular files only";
        }
        if (linkCount(entry.path()) > 1) {
            return "it is a hard link to a file that also has another name; the inbox takes files of its own only";
        }
        Path realDir = dir.toRealPath();
        if (!Objects.equals(entry.path().toRealPath().getParent(), realDir)) {
            return "its real path is outside the inbox";
        }
        return null;
    }

    /**
     * Reads a file that {@link #refusalOf} allowed, refusing to follow a link swapped in since, and checking that it
     * is still the same file afterwards.
     *
     * @param maxBytes the largest document accepted; one more byte is read so that a larger file is seen as such
     */
    byte[] read(Entry entry, int maxBytes) throws IOException {
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(entry.path(),
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
             InputStream in = Channels.newInputStream(channel)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        BasicFileAttributes now = attributesOf(entry.path());
        if (now == null || !now.isRegularFile() || !Objects.equals(now.fileKey(), entry.attributes().fileKey())
                || linkCount(entry.path()) > 1) {
            throw new IOException(entry.name() + " changed while it was being read");
        }
        return bytes;
    }

    void moveToDone(Path file) throws IOException {
        requireOwnFolders();
        Files.move(file, freeName(dir.resolve(DONE), file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Moves the entry itself (never a link's target) to failed/ and writes the reason beside it. */
    void moveToFailed(Path file, String reason) throws IOException {
        requireOwnFolders();
        Path target = freeName(dir.resolve(FAILED), file.getFileName().toString());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE); // moves a symbolic link itself, not its target
        // CREATE_NEW refuses an existing name, a link planted there included, so the reason never lands elsewhere.
        try (OutputStream out = Files.newOutputStream(reasonFileOf(target), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            out.write((reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        }
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

    /** done/ and failed/ must be real folders of the inbox; a link there would move documents out of it. */
    private void requireOwnFolders() throws IOException {
        for (String sub : List.of(DONE, FAILED)) {
            BasicFileAttributes attributes = attributesOf(dir.resolve(sub));
            if (attributes == null || !attributes.isDirectory()) {
                throw new IOException(dir.resolve(sub) + " is not a folder of the inbox (a link or a file);"
                        + " nothing is moved until it is");
            }
        }
    }

    private static boolean isHiddenOrPartial(String name) {
        return name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith("~");
    }

    private static BasicFileAttributes attributesOf(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // vanished or unreadable
        }
    }

    private static int linkCount(Path file) throws IOException {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return 1; // a file system without link counts has no hard links to worry about
        }
    }

    private static Path reasonFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + REASON_SUFFIX);
    }

    /** The name itself if free, else name-2, name-3, … so that a re-sent file never overwrites an earlier one. */
    private static Path freeName(Path folder, String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int i = 2; taken(candidate); i++) {
            candidate = folder.resolve(stem + "-" + i + extension);
        }
        return candidate;
    }

    private static boolean taken(Path candidate) {
        return Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)
                || Files.exists(reasonFileOf(candidate), LinkOption.NOFOLLOW_LINKS);
    }
}
