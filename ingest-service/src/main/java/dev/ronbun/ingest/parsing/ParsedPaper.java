package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.contracts.events.SummaryEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper (or blog post, or repository) as one document presents it. Text fields the document does not give are
 * {@code null}; lists are never {@code null}.
 *
 * @param title      the title as written; the English title where the document gives one
 * @param titleJa    the Japanese title where the document gives one
 * @param arxivId    the arXiv id without version suffix, e.g. {@code 2503.11646}
 * @param urls       links the document gives for this paper, in document order
 * @param authors    author names as written, affiliation marks dropped
 * @param presenter  who introduced the paper, where the document says
 * @param kind       paper, blog, oss, … from the document's tag; {@code paper} when untagged
 * @param sourceDate the date the document carries
 * @param format     the shape of the document the paper came from
 * @param summary    a short summary where the document has one
 * @param sections   the named sections of this paper's text
 * @param body       this paper's own text, nothing of its neighbours
 * @param tags       the tags the writer gave it (front matter tags, categories, topics)
 * @param references the papers it names as next to read, key references or references
 * @param venue      the journal or conference its citation names
 * @param year       the year of publication its citation gives, null when none
 */
public record ParsedPaper(
        String title,
        String titleJa,
        String arxivId,
        List<String> urls,
        List<String> authors,
        String presenter,
        String kind,
        LocalDate sourceDate,
        DocumentFormat format,
        String summary,
        List<Section> sections,
        String body,
        List<String> tags,
        List<Reference> references,
        String venue,
        Integer year) {

    public static final String DEFAULT_KIND = "paper";

    public ParsedPaper {
        Objects.requireNonNull(format, "format");
        urls = urls == null ? List.of() : List.copyOf(urls);
        authors = authors == null ? List.of() : List.copyOf(authors);
        sections = sections == null ? List.of() : List.copyOf(sections);
        kind = kind == null || kind.isBlank() ? DEFAULT_KIND : kind;
        body = body == null ? "" : body;
        tags = tags == null ? List.of() : List.copyOf(tags);
        references = references == null ? List.of() : List.copyOf(references);
    }

    /**
     * This paper as the event that carries it on {@code ronbun.summaries.v1}: the one mapping from what was parsed to
     * what is published (every field of the paper has a field of the same name in the event).
     *
     * @param paperKey     the key the paper is published under ({@code PaperIdentity.key})
     * @param documentId   the SHA-256 of the document's bytes
     * @param documentName the file name or label the document arrived with
     * @param position     the paper's 0-based position in its document
     */
    public SummaryEvent toSummaryEvent(String paperKey, String documentId, String documentName, int position,
                                       Instant ingestedAt) {
        return new SummaryEvent(SummaryEvent.SCHEMA_VERSION, paperKey, documentId, documentName, position,
                format.wireName(), title, titleJa, arxivId, urls, authors, presenter, kind, sourceDate, summary,
                sections, body, ingestedAt, tags, references, venue, year);
    }

    /** A paper without venue or year. */
    public ParsedPaper(String title, String titleJa, String arxivId, List<String> urls, List<String> authors,
                       String presenter, String kind, LocalDate sourceDate, DocumentFormat format, String summary,
                       List<Section> sections, String body, List<String> tags, List<Reference> references) {
        this(title, titleJa, arxivId, urls, authors, presenter, kind, sourceDate, format, summary, sections, body,
                tags, references, null, null);
    }

    /** A paper without tags or references. */
    public ParsedPaper(String title, String titleJa, String arxivId, List<String> urls, List<String> authors,
                       String presenter, String kind, LocalDate sourceDate, DocumentFormat format, String summary,
                       List<Section> sections, String body) {
        this(title, titleJa, arxivId, urls, authors, presenter, kind, sourceDate, format, summary, sections, body,
                List.of(), List.of(), null, null);
    }
}
