package dev.ronbun.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A stored, embedded paper: the value of the compacted {@code ronbun.papers.v1}, keyed by {@link #paperId}.
 * Each record is the paper's full latest state, so replaying the topic rebuilds any index.
 */
public record PaperEvent(
        int schemaVersion,
        String paperId,
        String paperKey,
        String title,
        String titleJa,
        String arxivId,
        List<String> urls,
        List<String> authors,
        String kind,
        List<PaperSummary> summaries,
        List<Keyword> keywords,
        PaperEmbedding embedding,
        Instant firstSeenAt,
        Instant updatedAt) {

    public static final int SCHEMA_VERSION = 1;

    public PaperEvent {
        urls = urls == null ? List.of() : List.copyOf(urls);
        authors = authors == null ? List.of() : List.copyOf(authors);
        summaries = summaries == null ? List.of() : List.copyOf(summaries);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
