package dev.ronbun.ingest.feeds;

import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.UnsafeText;
import dev.ronbun.ingest.config.IngestConfig;
import dev.ronbun.contracts.ContentHash;
import dev.ronbun.ingest.documents.DocumentIngestion;
import dev.ronbun.ingest.documents.IncomingDocument;
import dev.ronbun.ingest.documents.IngestionResult;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.jsoup.nodes.Entities;

/**
 * Polls feeds: fetches each due feed (conditional GET), and ingests each new or edited entry as a document through
 * {@link DocumentIngestion}, the path of {@code POST /api/documents}. An entry is new when its id was never taken
 * from this feed, edited when its content hash changed since (then it is ingested again: the downstream upserts by
 * paper key absorb the new version). A failing entry is recorded with its reason and the rest of the feed goes on;
 * a failing feed waits twice as long after each consecutive failure. Each due feed is claimed in the database before
 * it is polled ({@link FeedStore#claim}), so several instances of the service poll each feed once between them.
 */
@ApplicationScoped
public class FeedPoller {

    private static final Logger LOG = Logger.getLogger(FeedPoller.class);

    private final FeedStore store;
    private final FeedFetcher fetcher;
    private final FeedAddresses addresses;
    private final DocumentIngestion ingestion;
    private final IngestConfig config;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<Long, ReentrantLock> polling = new ConcurrentHashMap<>();

    public FeedPoller(FeedStore store, FeedFetcher fetcher, FeedAddresses addresses, DocumentIngestion ingestion,
                      IngestConfig config) {
        this.store = store;
        this.fetcher = fetcher;
        this.addresses = addresses;
        this.ingestion = ingestion;
        this.config = config;
    }

    @Scheduled(identity = "feed-poller", every = "${ronbun.ingest.feeds.check-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "5s")
    void pollDueFeeds() {
        if (!config.feeds().enabled()) {
            return;
        }
        List<Long> due;
        try {
            due = store.dueAt(clock.instant());
        } catch (RuntimeException e) {
            // the database is away: one line, not a stack trace every round; the next round asks again
            LOG.warnf("Feeds not polled this round, their schedule could not be read: %s", e.toString());
            return;
        }
        for (long id : due) {
            try {
                Instant now = clock.instant();
                if (!store.claim(id, now, now.plus(config.feeds().pollInterval()))) {
                    continue; // another instance took it
                }
                poll(id);
            } catch (RuntimeException e) {
                // The database or broker is away: the feed stays due and the next round tries again.
                LOG.warnf("Polling feed %d failed: %s", id, e.toString());
            }
        }
    }

    /** Polls one feed now, whatever its schedule; empty when there is no such feed. */
    public Optional<Feed> poll(long feedId) {
        ReentrantLock lock = polling.computeIfAbsent(feedId, id -> new ReentrantLock());
        lock.lock();
        try {
            Optional<Feed> feed = store.find(feedId);
            if (feed.isEmpty()) {
                return Optional.empty();
            }
            pollLocked(feed.get());
            return store.find(feedId);
        } finally {
            lock.unlock();
        }
    }

    private void pollLocked(Feed feed) {
        Instant now = clock.instant();
        FeedReader.Contents contents;
        FeedFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(addresses.require(feed.url), feed.etag, feed.lastModified, config.feeds().maxFeedBytes());
            if (fetched.notModified()) {
                store.fetchSucceeded(feed.id, now, now.plus(config.feeds().pollInterval()), null, null, null);
                return;
            }
            contents = FeedReader.read(fetched.body(), fetched.contentType());
        } catch (FeedException e) {
            Optional<Feed> failed = store.fetchFailed(feed.id, now, e.getMessage(), this::afterFailures);
            LOG.infof("Feed %d (%s) failed: %s; next try at %s", feed.id, UnsafeText.forLog(feed.url), e.getMessage(),
                    failed.map(f -> f.nextFetchAt).orElse(null));
            return;
        }
        String entryError = null;
        boolean retryLater = false;
        for (FeedEntry entry : contents.entries()) {
            EntryOutcome outcome = ingestEntry(feed.id, entry, now);
            if (outcome.error() != null) {
                entryError = "Entry " + (entry.id() == null ? "(no id)" : entry.id()) + ": " + outcome.error();
                retryLater |= outcome.retryLater();
            }
        }
        // Validators are kept back while an entry waits for another try, so the next poll reads the feed again.
        FeedStore.Validators validators = retryLater ? null : new FeedStore.Validators(fetched.etag(), fetched.lastModified());
        store.fetchSucceeded(feed.id, now, now.plus(config.feeds().pollInterval()), validators, entryError, contents.title());
    }

    private record EntryOutcome(String error, boolean retryLater) {
        static final EntryOutcome DONE = new EntryOutcome(null, false);
    }

    private EntryOutcome ingestEntry(long feedId, FeedEntry entry, Instant now) {
        if (entry.id() == null) {
            return failed(feedId, entry, "the entry has no id, link or title to know it by", false, now);
        }
        Optional<String> seen = store.seenHash(feedId, entry.id());
        if (!entry.hasContent() && seen.isPresent()) {
            // Linked pages are read once: refetching every page of a feed on each change of the feed is too costly.
            return EntryOutcome.DONE;
        }
        IncomingDocument document;
        try {
            document = documentOf(entry);
        } catch (FeedException e) {
            return failed(feedId, entry, e.getMessage(), true, now);
        }
        String hash = ContentHash.of(document.bytes());
        if (seen.isPresent() && seen.get().equals(hash)) {
            return EntryOutcome.DONE;
        }
        try {
            IngestionResult result = ingestion.ingest(document, false);
            store.markSeen(feedId, entry.id(), hash, now);
            if (!result.duplicate()) {
                store.countIngested(feedId);
            }
            return EntryOutcome.DONE;
        } catch (ProblemException e) {
            // The entry itself is wrong (no paper in it, too large…): it is not tried again until it is edited.
            store.markSeen(feedId, entry.id(), hash, now);
            return failed(feedId, entry, e.problem().detail(), false, now);
        } catch (RuntimeException e) {
            LOG.warnf("Feed %d entry %s could not be ingested: %s", feedId, UnsafeText.forLog(entry.id()), e.toString());
            return failed(feedId, entry, "could not be ingested now (" + e.getClass().getSimpleName() + "); tried again"
                    + " at the next poll", true, now);
        }
    }

    private EntryOutcome failed(long feedId, FeedEntry entry, String reason, boolean retryLater, Instant now) {
        store.recordFailure(feedId, entry.id(), entry.title(), reason, now);
        return new EntryOutcome(reason, retryLater);
    }

    /** The entry as a document: its HTML content, else its text, else its linked page. */
    IncomingDocument documentOf(FeedEntry entry) throws FeedException {
        String name = entry.title() != null ? entry.title() : entry.link() != null ? entry.link() : entry.id();
        if (entry.html() != null && !entry.html().isBlank()) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>");
            String title = entry.title() == null ? "" : Entities.escape(entry.title());
            html.append(title).append("</title></head><body>");
            if (!title.isEmpty()) {
                html.append("<h1>").append(title).append("</h1>");
            }
            if (entry.link() != null) {
                String link = Entities.escape(entry.link());
                html.append("<p><a href=\"").append(link).append("\">").append(link).append("</a></p>");
            }
            html.append(entry.html()).append("</body></html>");
            return document(name, html.toString(), "text/html");
        }
        if (entry.text() != null && !entry.text().isBlank()) {
            String text = entry.text().strip();
            // A Markdown post with its own front matter is sent as written; its front matter names it.
            if (!text.startsWith("---") && !text.startsWith("+++")) {
                String head = (entry.title() == null ? "" : "# " + entry.title() + "\n\n")
                        + (entry.link() == null ? "" : entry.link() + "\n\n");
                text = head + text;
            }
            return document(name, text, "text/markdown");
        }
        if (entry.link() == null) {
            throw new FeedException("the entry has neither content nor a link");
        }
        URI page = addresses.require(entry.link());
        FeedFetcher.Fetched fetched = fetcher.fetch(page, null, null, config.maxDocumentBytes());
        return new IncomingDocument(name, fetched.body(), pageMediaType(fetched.contentType(), page), Optional.empty());
    }

    private static String pageMediaType(String contentType, URI page) throws FeedException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String path = page.getPath() == null ? "" : page.getPath().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            return "text/html";
        }
        if (type.startsWith("text/markdown") || path.endsWith(".md")) {
            return "text/markdown";
        }
        if (type.startsWith("text/") || type.isEmpty()) {
            return "text/plain";
        }
        throw new FeedException("the linked page " + page + " is " + contentType + ", not text");
    }

    private static IncomingDocument document(String name, String content, String mediaType) {
        return new IncomingDocument(name, content.getBytes(StandardCharsets.UTF_8), mediaType, Optional.empty());
    }

    /** When to try again after {@code failures} consecutive failures: the interval doubled per failure, capped. */
    Instant afterFailures(int failures) {
        Duration base = config.feeds().pollInterval();
        Duration max = config.feeds().maxBackoff();
        Duration wait = base.multipliedBy(1L << Math.min(failures, 20));
        return clock.instant().plus(wait.compareTo(max) > 0 ? max : wait);
    }

}
