package dev.ronbun.ingest.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The feeds, the entries taken from them and the entries that failed, in ingest-service's database. */
@ApplicationScoped
public class FeedStore {

    /** Longest status message kept (an error can quote a server's answer). */
    static final int MAX_MESSAGE_LENGTH = 1000;

    private final EntityManager em;

    public FeedStore(EntityManager em) {
        this.em = em;
    }

    /** Adds a feed due at once, or returns the one already registered for the URL. */
    @Transactional
    public Registration register(String url, String name, Instant now) {
        Optional<Feed> existing = em.createQuery("select f from Feed f where f.url = :url", Feed.class)
                .setParameter("url", url).getResultStream().findFirst();
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        Feed feed = new Feed();
        feed.url = url;
        feed.name = name;
        feed.addedAt = now;
        feed.nextFetchAt = now;
        em.persist(feed);
        em.flush();
        return new Registration(feed, true);
    }

    /** A feed and whether it was new. */
    public record Registration(Feed feed, boolean created) {
    }

    @Transactional
    public List<Feed> list() {
        return em.createQuery("select f from Feed f order by f.id", Feed.class).getResultList();
    }

    @Transactional
    public Optional<Feed> find(long id) {
        return Optional.ofNullable(em.find(Feed.class, id));
    }

    @Transactional
    public boolean delete(long id) {
        return em.createQuery("delete from Feed f where f.id = :id").setParameter("id", id).executeUpdate() > 0;
    }

    /**
     * Takes a due feed for one poll: moves its next fetch to {@code until} only if it is still due, so that of several
     * ingest-service instances polling one database exactly one takes it. The poll then sets the real next fetch; a
     * poller that dies leaves the feed due again at {@code until}.
     *
     * @return true when this caller took it
     */
    @Transactional
    public boolean claim(long feedId, Instant now, Instant until) {
        return em.createQuery("update Feed f set f.nextFetchAt = :until where f.id = :id and f.nextFetchAt <= :now")
                .setParameter("until", until).setParameter("id", feedId).setParameter("now", now)
                .executeUpdate() == 1;
    }

    @Transactional
    public List<Long> dueAt(Instant now) {
        return em.createQuery("select f.id from Feed f where f.nextFetchAt <= :now order by f.nextFetchAt", Long.class)
                .setParameter("now", now).getResultList();
    }

    @Transactional
    public List<FailedFeedEntry> recentFailures(long feedId, int limit) {
        return em.createQuery("select e from FailedFeedEntry e where e.feedId = :feed order by e.failedAt desc, e.id desc",
                        FailedFeedEntry.class)
                .setParameter("feed", feedId).setMaxResults(limit).getResultList();
    }

    /** The content hash the entry had when it was last taken, if it was. */
    @Transactional
    public Optional<String> seenHash(long feedId, String entryId) {
        return em.createNativeQuery("select content_hash from feed_entries where feed_id = ?1 and entry_id = ?2", String.class)
                .setParameter(1, feedId).setParameter(2, entryId)
                .getResultStream().findFirst().map(String.class::cast);
    }

    @Transactional
    public void markSeen(long feedId, String entryId, String contentHash, Instant now) {
        em.createNativeQuery("""
                        insert into feed_entries (feed_id, entry_id, content_hash, seen_at)
                        select ?1, ?2, ?3, ?4 where exists (select 1 from feeds where id = ?1)
                        on conflict (feed_id, entry_id) do update set content_hash = excluded.content_hash,
                                                                      seen_at = excluded.seen_at""")
                .setParameter(1, feedId).setParameter(2, entryId).setParameter(3, contentHash).setParameter(4, now)
                .executeUpdate();
    }

    @Transactional
    public void countIngested(long feedId) {
        em.createQuery("update Feed f set f.entriesIngested = f.entriesIngested + 1 where f.id = :id")
                .setParameter("id", feedId).executeUpdate();
    }

    /** Records a failed entry (the feeds' dead-letter path) and counts it. */
    @Transactional
    public void recordFailure(long feedId, String entryId, String title, String reason, Instant now) {
        if (em.find(Feed.class, feedId) == null) {
            return;
        }
        FailedFeedEntry failed = new FailedFeedEntry();
        failed.feedId = feedId;
        failed.entryId = cut(entryId == null ? "(no id)" : entryId);
        failed.title = title == null ? null : cut(title);
        failed.reason = cut(reason);
        failed.failedAt = now;
        em.persist(failed);
        em.createQuery("update Feed f set f.entriesFailed = f.entriesFailed + 1 where f.id = :id")
                .setParameter("id", feedId).executeUpdate();
    }

    /**
     * A fetch that worked (a 304 included): failures reset, next fetch after the normal interval. The validators are
     * replaced only when given, so that a poll whose entries must be tried again fetches the feed again.
     */
    @Transactional
    public void fetchSucceeded(long feedId, Instant now, Instant next, Validators validators, String entryError,
                               String feedTitle) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed == null) {
            return;
        }
        feed.lastFetchAt = now;
        feed.lastSuccessAt = now;
        feed.lastError = entryError == null ? null : cut(entryError);
        feed.consecutiveFailures = 0;
        feed.nextFetchAt = next;
        if (validators != null) {
            feed.etag = validators.etag() == null ? null : cut(validators.etag());
            feed.lastModified = validators.lastModified() == null ? null : cut(validators.lastModified());
        }
        if (feed.name == null && feedTitle != null) {
            feed.name = cut(feedTitle);
        }
    }

    /** The response validators to send with the next conditional GET. */
    public record Validators(String etag, String lastModified) {
    }

    /** A fetch that failed: counted, and the next one waits longer ({@code next} computed from the new count). */
    @Transactional
    public Optional<Feed> fetchFailed(long feedId, Instant now, String error, java.util.function.IntFunction<Instant> next) {
        Feed feed = em.find(Feed.class, feedId);
        if (feed == null) {
            return Optional.empty();
        }
        feed.lastFetchAt = now;
        feed.lastError = cut(error);
        feed.consecutiveFailures++;
        feed.nextFetchAt = next.apply(feed.consecutiveFailures);
        return Optional.of(feed);
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }
}
