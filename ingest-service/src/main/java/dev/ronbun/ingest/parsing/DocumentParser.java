package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import java.util.List;

/** Reads one shape of document: says how much a text looks like that shape, and splits it into papers. */
public interface DocumentParser {

    /** The shape this parser reads. */
    DocumentFormat format();

    /**
     * How strongly the text's structure matches this shape, from 0 (not at all) to 1 (certainly). Looks at structure
     * only: presenter lines, headings, separators, link labels, never at particular titles or names.
     */
    double detect(ParsableText text);

    /** The papers in the text, in document order; empty when the text holds none of this shape. Never throws. */
    List<ParsedPaper> parse(ParsableText text);
}
