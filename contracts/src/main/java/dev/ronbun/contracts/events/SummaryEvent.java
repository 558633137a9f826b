package dev.ronbun.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One paper as ingest found it in one document: the value of {@code ronbun.summaries.v1}, keyed by {@link #paperKey}.
 * The same paper summarised in two documents arrives as two events with the same key and different {@link #documentId}.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param paperKey      arXiv id, normalised English title or normalised Japanese title (see PaperIdentity)
 * @param documentId    SHA-256 of the document's bytes: the same document ingested twice has the same id
 * @param documentName  file name or label the document arrived with
 * @param position      0-based position of this paper within its document
 * @param format        the shape recognised: a {@link DocumentFormat} wire name
 * @param kind          paper, blog, oss, …
 * @param sourceDate    the date the document carries, if any
 * @param summary       a short summary where the document has one
 * @param body          this paper's own text in the document
 * @param tags          the tags its writer gave the document (front matter tags, categories, topics); added within v1
 * @param references    the papers it names as next to read or as key references; added within v1
 * @param venue         the journal or conference the document's citation names; added within v1
 * @param year          the year of publication the document's citation gives, null when not given; added within v1
 */
public record SummaryEvent(
        int schemaVersion,
        String paperKey,
        String documentId,
        String documentName,
        int position,
        String format,
        String title,
        String titleJa,
        String arxivId,
        List<String> urls,
        List<String> authors,
        String presenter,
        String kind,
        LocalDate sourceDate,
        String summary,
        List<Section> sections,
        String body,
        Instant ingestedAt,
        List<String> tags,
        List<Reference> references,
        String venue,
        Integer year) {

    public static final int SCHEMA_VERSION = 1;

    public SummaryEvent {
        urls = urls == null ? List.of() : List.copyOf(urls);
        authors = authors == null ? List.of() : List.copyOf(authors);
        sections = sections == null ? List.of() : List.copyOf(sections);
        tags = tags == null ? List.of() : List.copyOf(tags);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** An event without venue and year, as v1 had it before they were added. */
    public SummaryEvent(int schemaVersion, String paperKey, String documentId, String documentName, int position,
                        String format, String title, String titleJa, String arxivId, List<String> urls,
                        List<String> authors, String presenter, String kind, LocalDate sourceDate, String summary,
                        List<Section> sections, String body, Instant ingestedAt, List<String> tags,
                        List<Reference> references) {
        this(schemaVersion, paperKey, documentId, documentName, position, format, title, titleJa, arxivId, urls,
                authors, presenter, kind, sourceDate, summary, sections, body, ingestedAt, tags, references, null, null);
    }

    /** An event without tags or references, as v1 had it before they were added. */
    public SummaryEvent(int schemaVersion, String paperKey, String documentId, String documentName, int position,
                        String format, String title, String titleJa, String arxivId, List<String> urls,
                        List<String> authors, String presenter, String kind, LocalDate sourceDate, String summary,
                        List<Section> sections, String body, Instant ingestedAt) {
        this(schemaVersion, paperKey, documentId, documentName, position, format, title, titleJa, arxivId, urls,
                authors, presenter, kind, sourceDate, summary, sections, body, ingestedAt, List.of(), List.of(), null,
                null);
    }

    /** Identifies this summary among all summaries of the paper: document plus position. */
    public String summaryId() {
        return documentId + "#" + position;
    }
}
