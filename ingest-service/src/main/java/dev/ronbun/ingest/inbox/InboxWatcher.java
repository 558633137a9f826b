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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Ingests every document dropped into the inbox folder, through the same path as HTTP. A document that is refused
 * (empty, binary, no paper…) moves to {@code failed/} with the reason beside it; one that cannot be processed right
 * now (broker or database down) stays in the inbox and is tried again on the next scan, so nothing is lost.
 */
@ApplicationScoped
public class InboxWatcher {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

    private final DocumentIngestion ingestion;
    private final IngestConfig.Inbox config;
    private final InboxFolder folder;
    private ScheduledExecutorService scanner;

    public InboxWatcher(DocumentIngestion ingestion, IngestConfig config) {
        this.ingestion = ingestion;
        this.config = config.inbox();
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

    /** Processes every ready file once; visible for tests. */
    void scan() throws IOException {
        for (Path file : folder.readyFiles(config.settleTime())) {
            process(file);
        }
    }

    private void process(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        IncomingDocument document = new IncomingDocument(name, bytes, InboxFolder.mediaTypeOf(name), Optional.empty());
        try {
            IngestionResult result = ingestion.ingest(document, false);
            folder.moveToDone(file);
            LOG.infof("Inbox: %s → %d paper(s)%s", name, result.paperKeys().size(),
                    result.duplicate() ? " (already ingested, nothing published)" : "");
        } catch (ProblemException refused) {
            folder.moveToFailed(file, refused.problem().title() + ": " + refused.problem().detail());
            LOG.warnf("Inbox: %s refused: %s", name, refused.problem().detail());
        } catch (RuntimeException transientFailure) {
            LOG.warnf("Inbox: %s could not be processed now (%s); it stays in the inbox", name, transientFailure.toString());
        }
    }
}
