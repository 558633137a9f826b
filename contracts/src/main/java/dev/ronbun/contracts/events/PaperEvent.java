package dev.ronbun.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A stored, embedded paper: the value of the compacted {@code ronbun.papers.v1}, keyed by {@link #paperId}.
 * Each record is the paper's full latest state, so replaying the topic rebuilds any index.
 *
 * @param tags       the union of its summaries' tags, first spelling of each (case-insensitively) kept, in order of
 *                   first appearance; added within v1, so an older event reads as none
 * @param references the union of the papers its summaries name as next to read or key references, one per arXiv
 *                   id, else per normalised title or URL; added within v1
 * @param formerIds  the ids of records found to be this same work and merged into it (a title-keyed paper that a
 *                   later document gave an arXiv id); each was tombstoned, and a reader's history on it belongs to
 *                   this paper now; added within v1
 * @param venue      the journal or conference a summary's citation names (the newest summary's that has one);
 *                   added within v1
 * @param year       the year of publication a summary's citation gives, null when none does; added within v1
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
        Instant updatedAt,
        List<String> tags,
        List<Reference> references,
        List<String> formerIds,
        String venue,
        Integer year) {

    public static final int SCHEMA_VERSION = 1;

    public PaperEvent {
        urls = urls == null ? List.of() : List.copyOf(urls);
        authors = authors == null ? List.of() : List.copyOf(authors);
        summaries = summaries == null ? List.of() : List.copyOf(summaries);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        tags = tags == null ? List.of() : List.copyOf(tags);
        references = references == null ? List.of() : List.copyOf(references);
        formerIds = formerIds == null ? List.of() : List.copyOf(formerIds);
    }

    /** A paper that no other record was merged into. */
    public PaperEvent(int schemaVersion, String paperId, String paperKey, String title, String titleJa,
                      String arxivId, List<String> urls, List<String> authors, String kind,
                      List<PaperSummary> summaries, List<Keyword> keywords, PaperEmbedding embedding,
                      Instant firstSeenAt, Instant updatedAt, List<String> tags, List<Reference> references,
                      String venue, Integer year) {
        this(schemaVersion, paperId, paperKey, title, titleJa, arxivId, urls, authors, kind, summaries, keywords,
                embedding, firstSeenAt, updatedAt, tags, references, List.of(), venue, year);
    }

    /** A paper without venue and year, as v1 had it before they were added. */
    public PaperEvent(int schemaVersion, String paperId, String paperKey, String title, String titleJa,
                      String arxivId, List<String> urls, List<String> authors, String kind,
                      List<PaperSummary> summaries, List<Keyword> keywords, PaperEmbedding embedding,
                      Instant firstSeenAt, Instant updatedAt, List<String> tags, List<Reference> references,
                      List<String> formerIds) {
        this(schemaVersion, paperId, paperKey, title, titleJa, arxivId, urls, authors, kind, summaries, keywords,
                embedding, firstSeenAt, updatedAt, tags, references, formerIds, null, null);
    }

    /** A paper without former ids, venue or year, as v1 had it before they were added. */
    public PaperEvent(int schemaVersion, String paperId, String paperKey, String title, String titleJa,
                      String arxivId, List<String> urls, List<String> authors, String kind,
                      List<PaperSummary> summaries, List<Keyword> keywords, PaperEmbedding embedding,
                      Instant firstSeenAt, Instant updatedAt, List<String> tags, List<Reference> references) {
        this(schemaVersion, paperId, paperKey, title, titleJa, arxivId, urls, authors, kind, summaries, keywords,
                embedding, firstSeenAt, updatedAt, tags, references, List.of(), null, null);
    }

    /** A paper without tags or references, as v1 had it before they were added. */
    public PaperEvent(int schemaVersion, String paperId, String paperKey, String title, String titleJa,
                      String arxivId, List<String> urls, List<String> authors, String kind,
                      List<PaperSummary> summaries, List<Keyword> keywords, PaperEmbedding embedding,
                      Instant firstSeenAt, Instant updatedAt) {
        this(schemaVersion, paperId, paperKey, title, titleJa, arxivId, urls, authors, kind, summaries, keywords,
                embedding, firstSeenAt, updatedAt, List.of(), List.of(), List.of(), null, null);
    }
}
