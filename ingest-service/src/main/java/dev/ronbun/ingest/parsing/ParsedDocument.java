package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import java.util.List;
import java.util.Objects;

/**
 * A document split into papers: the shape that was recognised, the papers in document order, and what the reader
 * should know about how it was read (broken front matter that was ignored, a title taken from the file name).
 */
public record ParsedDocument(DocumentFormat format, List<ParsedPaper> papers, List<String> warnings) {

    public ParsedDocument {
        Objects.requireNonNull(format, "format");
        papers = papers == null ? List.of() : List.copyOf(papers);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public ParsedDocument(DocumentFormat format, List<ParsedPaper> papers) {
        this(format, papers, List.of());
    }
}
