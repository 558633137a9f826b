package dev.ronbun.faults.documents;

import java.util.List;

/**
 * A generated structured-summary document and what ingesting it must produce.
 *
 * @param name       the file name it is posted under
 * @param text       the Markdown itself
 * @param documentId SHA-256 of the text's UTF-8 bytes: ingest's ledger key and part of every summary id
 * @param summaries  one per paper, in document order
 */
public record SyntheticDocument(String name, String text, String documentId, List<ExpectedSummary> summaries) {

    public SyntheticDocument {
        summaries = List.copyOf(summaries);
    }
}
