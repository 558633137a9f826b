package dev.ronbun.ingest.inbox;

import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.ingest.config.IngestConfig;
import dev.ronbun.ingest.documents.DocumentIngestion;
import dev.ronbun.ingest.documents.IncomingDocument;
import dev.ronbun.ingest.documents.IngestionResult;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Ingests every document dropped into the inbox folder, through the same path as HTTP, without ever reading outside
 * the folder (see {@link InboxFolder}). A document that can never succeed (refused entry, too large, any 4xx outcome)
 * moves to {@code failed/} at once with the reason beside it; one that cannot be processed right now (broker or
 * database down) stays in the inbox and is tried again after a wait that doubles with each failure, so nothing is
 * lost and an outage is not hammered every second.
 */
@ApplicationScoped
public class InboxWatcher {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

    private final DocumentIngestion ingestion;
    private final IngestConfig.Inbox config;
    private final int maxDocumentBytes;
    private final InboxFolder folder;
    /** Files that failed for a passing reason, by name: when they may be tried again. Only the scan thread uses it. */
    private final Map<String, Backoff> waiting = new HashMap<>();
    private ScheduledExecutorService scanner;

    public InboxWatcher(DocumentIngestion ingestion, IngestConfig config) {
        this.ingestion = ingestion;
        this.config = config.inbox();
        this.maxDocumentBytes = config.maxDocumentBytes();
        this.folder = new InboxFolder(config.inbox().dir());
    }

    void start(@Observes StartupEvent startup) throws IOException {
        if (!config.enabled()) {
            return;
        }
        folder.create();
        scanner = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("inbox-watcher").daemon().factory());
        long period = config.pollInterval().toMillis();
        scanner.scheduleWithFixedDelay(this::scanSafely, period, period, TimeUnit.MILLISECONDS);
        LOG.infof("Watching inbox %s", folder.dir().toAbsolutePath());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (scanner != null) {
            scanner.shutdownNow();
        }
    }

    private void scanSafely() {
        try {
            scan();
        } catch (Exception e) {
            LOG.warn("inbox scan failed; trying again on the next scan", e); // never let the schedule die
        }
    }

    /** Processes every ready entry whose wait (if any) is over; visible for tests. */
    synchronized void scan() throws IOException {
        List<InboxFolder.Entry> ready = folder.readyEntries(config.settleTime());
        Set<String> present = ready.stream().map(InboxFolder.Entry::name).collect(Collectors.toSet());
        waiting.keySet().retainAll(present); // a file taken away forgets its wait
        Instant now = Instant.now();
        for (InboxFolder.Entry entry : ready) {
            Backoff backoff = waiting.get(entry.name());
            if (backoff == null || !now.isBefore(backoff.nextTry())) {
                try {
                    process(entry);
                } catch (IOException e) {
                    retryLater(entry.name(), e.toString()); // e.g. it could not be moved: the other files go on
                }
            }
        }
    }

    /** How long the named file now waits before its next try, if it failed for a passing reason; for tests. */
    synchronized Optional<Duration> currentWait(String name) {
        return Optional.ofNullable(waiting.get(name)).map(Backoff::delay);
    }

    private void process(InboxFolder.Entry entry) throws IOException {
        String name = entry.name();
        String refusal = folder.refusalOf(entry);
        if (refusal != null) {
            refuse(entry.path(), "Refused: " + refusal);
            return;
        }
        if (entry.attributes().size() > maxDocumentBytes) {
            refuse(entry.path(), "Document too large: the file has " + entry.attributes().size()
                    + " bytes; the limit is " + maxDocumentBytes + " bytes (ronbun.ingest.max-document-bytes).");
            return;
        }
        byte[] bytes;
        try {
            bytes = folder.read(entry, maxDocumentBytes);
        } catch (IOException unreadable) {
            refuse(entry.path(), "Refused: the file could not be read safely: " + unreadable.getMessage());
            return;
        }
        IncomingDocument document = new IncomingDocument(name, bytes, InboxFolder.mediaTypeOf(name), Optional.empty());
        try {
            IngestionResult result = ingestion.ingest(document, false);
            waiting.remove(name);
            folder.moveToDone(entry.path());
            LOG.infof("Inbox: %s → %d paper(s)%s", name, result.paperKeys().size(),
                    result.duplicate() ? " (already ingested, nothing published)" : "");
        } catch (ProblemException problem) {
            if (problem.problem().status() >= 500) {
                retryLater(name, problem.toString());
            } else {
                refuse(entry.path(), problem.problem().title() + ": " + problem.problem().detail());
            }
        } catch (RuntimeException transientFailure) {
            retryLater(name, transientFailure.toString());
        }
    }

    private void refuse(Path file, String reason) throws IOException {
        waiting.remove(file.getFileName().toString());
        folder.moveToFailed(file, reason);
        LOG.warnf("Inbox: %s moved to failed/: %s", file.getFileName(), reason);
    }

    private void retryLater(String name, String failure) {
        Backoff backoff = waiting.merge(name, Backoff.first(config.retryInitialDelay()),
                (earlier, first) -> earlier.next(config.retryMaxDelay()));
        LOG.warnf("Inbox: %s could not be processed now (%s); it stays in the inbox and is tried again in %s", name,
                failure, backoff.delay());
    }

    /** The wait before the next try of one file, doubling with each failure up to a ceiling. */
    record Backoff(Duration delay, Instant nextTry) {

        static Backoff first(Duration initial) {
            return new Backoff(initial, Instant.now().plus(initial));
        }

        Backoff next(Duration max) {
            Duration doubled = delay.multipliedBy(2);
            Duration wait = doubled.compareTo(max) > 0 ? max : doubled;
            return new Backoff(wait, Instant.now().plus(wait));
        }
    }
}
