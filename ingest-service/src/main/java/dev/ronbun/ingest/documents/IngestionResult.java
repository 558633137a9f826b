package dev.ronbun.ingest.documents;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ronbun.ingest.parsing.ParsedPaper;
import java.util.List;

/**
 * What happened to one document.
 *
 * @param documentId  SHA-256 of the document's bytes
 * @param format      the shape the document was parsed as
 * @param paperKeys   the keys of the papers found, in document order
 * @param published   false for a dry run or a document that was already ingested
 * @param duplicate   true when the same bytes had been ingested before, so nothing was published again
 * @param rejected    papers that failed validation and went to the dead-letter topic, with the reason
 * @param papers      the parsed papers in full, for a dry run only
 * @param warnings    how the document was read where that may surprise its sender (front matter that did not parse
 *                    and was ignored, a title taken from the file name); empty when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestionResult(String documentId, String format, List<String> paperKeys, boolean published,
                              boolean duplicate, List<RejectedPaper> rejected, List<ParsedPaper> papers,
                              List<String> warnings) {

    public IngestionResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public IngestionResult(String documentId, String format, List<String> paperKeys, boolean published,
                           boolean duplicate, List<RejectedPaper> rejected, List<ParsedPaper> papers) {
        this(documentId, format, paperKeys, published, duplicate, rejected, papers, List.of());
    }

    /** A paper of an otherwise good document that could not be published, and why. */
    public record RejectedPaper(int position, String title, String reason) {
    }
}
