package dev.ronbun.ingest.feeds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A feed and its status as the API shows it.
 *
 * @param lastError      why the last poll failed, or which entry failed in it; null after a clean poll
 * @param failedEntries  the latest entries that could not be ingested, with the reason (single-feed view only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedView(long id, String url, String name, Instant addedAt, Instant lastFetchAt, Instant lastSuccessAt,
                       String lastError, int consecutiveFailures, Instant nextFetchAt, long entriesIngested,
                       long entriesFailed, List<FailedEntry> failedEntries) {

    /** An entry that failed, and why. */
    public record FailedEntry(String entryId, String title, String reason, Instant failedAt) {
    }

    static FeedView of(Feed feed, List<FailedFeedEntry> failures) {
        return new FeedView(feed.id, feed.url, feed.name, feed.addedAt, feed.lastFetchAt, feed.lastSuccessAt,
                feed.lastError, feed.consecutiveFailures, feed.nextFetchAt, feed.entriesIngested, feed.entriesFailed,
                failures == null ? null : failures.stream()
                        .map(f -> new FailedEntry(f.entryId, f.title, f.reason, f.failedAt)).toList());
    }
}
