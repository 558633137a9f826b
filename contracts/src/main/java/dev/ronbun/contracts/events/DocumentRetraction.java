package dev.ronbun.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A curator took a document back: the value of {@code ronbun.document-retractions.v1}, keyed by {@link #documentId}.
 * Every summary of the document goes; a paper left without summaries is tombstoned on {@code ronbun.papers.v1}.
 *
 * <p>Why a topic of its own rather than tombstones on {@code ronbun.summaries.v1}: that topic is keyed by paper key
 * (several documents share a key), so a null value could not say which document's summary goes. A retraction is not
 * ordered with the document's summaries (they travel on another topic), so its consumer remembers
 * {@link #retractedAt} per document and ignores any summary of the document ingested before it: a summary still
 * in flight cannot bring the document back, while the same bytes ingested again later (a newer
 * {@code ingestedAt}) are accepted.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param documentId    the SHA-256 of the document's bytes, as {@link SummaryEvent#documentId()}
 * @param paperKeys     the paper keys the document was split into (for readers of the topic; the consumer retracts
 *                      by document id)
 * @param retractedAt   when the curator retracted it; summaries of the document ingested at or before it are void
 */
public record DocumentRetraction(int schemaVersion, String documentId, List<String> paperKeys, Instant retractedAt) {

    public static final int SCHEMA_VERSION = 1;

    public DocumentRetraction {
        paperKeys = paperKeys == null ? List.of() : List.copyOf(paperKeys);
    }
}
