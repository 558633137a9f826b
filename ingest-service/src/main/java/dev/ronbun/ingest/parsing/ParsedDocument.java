package dev.ronbun.ingest.parsing;

import java.util.List;
import java.util.Objects;

/** A document split into papers: the shape that was recognised and the papers in document order. */
public record ParsedDocument(DocumentFormat format, List<ParsedPaper> papers) {

    public ParsedDocument {
        Objects.requireNonNull(format, "format");
        papers = papers == null ? List.of() : List.copyOf(papers);
    }
}
