package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits a document into papers: cuts off its front matter, normalises its text once, recognises its shape (or takes
 * the one the caller names), and lets that shape's parser read it. When the best-scoring shape finds no paper, the
 * next one is tried, down to the generic Markdown/plain-text reading. HTML pages are reduced to text first. The front
 * matter and the file name then give the papers their title, date and tags (see {@link PostDetails}).
 */
@ApplicationScoped
public class DocumentSplitter {

    /** Longer texts are refused rather than parsed: no summary document comes near this. */
    public static final int MAX_CHARACTERS = 5_000_000;

    private final List<DocumentParser> parsers;

    public DocumentSplitter() {
        this(List.of(new StudyGroupNotesParser(), new StructuredSummaryParser(), new DialogueArticleParser(),
                new WeeklyRoundupParser(), new PaperNotesParser(), new GenericDocumentParser()));
    }

    DocumentSplitter(List<DocumentParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /**
     * The document's papers, in document order.
     *
     * @param text     the document as text: plain, Markdown or HTML
     * @param override the shape to read it as, instead of recognising it
     * @throws DocumentParseException when the text is empty or too long, or no paper can be found in it; the
     *                                message says which
     */
    public ParsedDocument split(String text, Optional<DocumentFormat> override) throws DocumentParseException {
        return split(text, override, null);
    }

    /**
     * The document's papers, in document order, with what its front matter and its file name say about them.
     *
     * @param text         the document as text: plain, Markdown or HTML
     * @param override     the shape to read it as, instead of recognising it
     * @param documentName the file name or label it arrived with, e.g. {@code 2017-03-13-Deep-Learning.md}; may be null
     * @throws DocumentParseException when the text is empty or too long, or no paper can be found in it
     */
    public ParsedDocument split(String text, Optional<DocumentFormat> override, String documentName)
            throws DocumentParseException {
        return split(text, false, override, documentName);
    }

    /**
     * As {@link #split(String, Optional, String)}, for a document whose sender declared it HTML (its media type): it
     * is reduced to text here, the one place HTML becomes text, whether declared or recognised.
     */
    public ParsedDocument split(String text, boolean declaredHtml, Optional<DocumentFormat> override, String documentName)
            throws DocumentParseException {
        if (text == null || text.isBlank()) {
            throw new DocumentParseException("the document is empty");
        }
        requireSplittableLength(text);
        try {
            boolean html = declaredHtml || HtmlDocumentText.looksLikeHtml(text);
            FrontMatterReader.Split front = html ? new FrontMatterReader.Split(FrontMatter.NONE, text, false,
                    Optional.empty()) : FrontMatterReader.split(text);
            String body = html ? HtmlDocumentText.toText(text) : front.body();
            if (html) {
                requireSplittableLength(body); // a page's text can be longer than its markup (nested lists indent)
            }
            ParsableText parsable = ParsableText.of(body);
            if (parsable.isBlank()) {
                throw new DocumentParseException("the document has no text once markup and control characters are removed");
            }
            Optional<DocumentFormat> forced = override == null ? Optional.empty() : override;
            if (forced.isPresent()) {
                DocumentParser parser = parserFor(forced.get());
                List<ParsedPaper> papers = parser.parse(parsable);
                if (papers.isEmpty()) {
                    throw new DocumentParseException("no recognisable paper in the document when read as "
                            + forced.get().wireName());
                }
                return PostDetails.apply(new ParsedDocument(parser.format(), papers), front, documentName);
            }
            for (DocumentParser parser : byScore(parsable)) {
                List<ParsedPaper> papers = parser.parse(parsable);
                if (!papers.isEmpty()) {
                    return PostDetails.apply(new ParsedDocument(parser.format(), papers), front, documentName);
                }
            }
            throw new DocumentParseException("no recognisable paper in the document");
        } catch (RuntimeException | StackOverflowError e) {
            // a pathological document must cost its sender a 4xx answer, never the service a crash
            throw new DocumentParseException("the document could not be read: " + e, e);
        }
    }

    /** The parsers whose shape the text matches, best match first. */
    private List<DocumentParser> byScore(ParsableText text) {
        record Scored(DocumentParser parser, double score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < parsers.size(); i++) {
            double score = parsers.get(i).detect(text);
            if (score > 0) {
                scored.add(new Scored(parsers.get(i), score, i));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::order));
        return scored.stream().map(Scored::parser).toList();
    }

    private DocumentParser parserFor(DocumentFormat format) {
        return parsers.stream().filter(p -> p.format() == format).findFirst()
                .orElseThrow(() -> new IllegalStateException("no parser for " + format.wireName()));
    }

    private static void requireSplittableLength(String text) throws DocumentParseException {
        if (text.length() > MAX_CHARACTERS) {
            throw new DocumentParseException("the document has " + text.length() + " characters; at most "
                    + MAX_CHARACTERS + " can be split");
        }
    }
}
