package dev.ronbun.ingest.documents;

import dev.ronbun.contracts.ContentHash;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.ingest.config.IngestConfig;
import dev.ronbun.ingest.ledger.DocumentLedger;
import dev.ronbun.ingest.ledger.IngestedDocument;
import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.ingest.parsing.DocumentParseException;
import dev.ronbun.ingest.parsing.DocumentSplitter;
import dev.ronbun.ingest.parsing.ParsableText;
import dev.ronbun.ingest.parsing.ParsedDocument;
import dev.ronbun.ingest.parsing.ParsedPaper;
import dev.ronbun.ingest.publishing.DeadLetter;
import dev.ronbun.ingest.publishing.SummaryPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one path every document takes, whatever door it came through (HTTP, inbox folder, CLI): decode, split into
 * papers, validate, and publish the document's papers in one transaction.
 */
@ApplicationScoped
public class DocumentIngestion {

    /** A name is a label (a file name, a title); longer ones are cut. */
    static final int MAX_NAME_LENGTH = 255;

    private final DocumentSplitter splitter;
    private final SummaryPublisher publisher;
    private final DocumentLedger ledger;
    private final IngestConfig config;
    private final Clock clock;

    public DocumentIngestion(DocumentSplitter splitter, SummaryPublisher publisher, DocumentLedger ledger,
                             IngestConfig config) {
        this.splitter = splitter;
        this.publisher = publisher;
        this.ledger = ledger;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    public IngestionResult ingest(IncomingDocument sent, boolean dryRun) {
        IncomingDocument document = withCleanName(sent);
        String text = DocumentText.decode(document.bytes(), config.maxDocumentBytes());
        String documentId = ContentHash.of(document.bytes());
        if (!dryRun) {
            Optional<IngestedDocument> earlier = ledger.find(documentId);
            if (earlier.isPresent()) {
                return duplicateOf(earlier.get());
            }
        }
        Optional<DocumentFormat> format = document.format().map(DocumentIngestion::formatNamed);
        ParsedDocument parsed;
        try {
            parsed = splitter.split(text, document.mediaType().equals("text/html"), format, document.name());
        } catch (DocumentParseException e) {
            throw new ProblemException(422, "unparseable-document", "No papers found", e.getMessage());
        }
        if (parsed.papers().size() > config.maxPapersPerDocument()) {
            throw new ProblemException(422, "too-many-papers", "Too many papers",
                    "The document was split into " + parsed.papers().size() + " papers; at most "
                            + config.maxPapersPerDocument() + " are accepted per document"
                            + " (ronbun.ingest.max-papers-per-document). Split it into smaller documents.");
        }
        Instant now = clock.instant();

        List<SummaryEvent> summaries = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<IngestionResult.RejectedPaper> rejected = new ArrayList<>();
        List<ParsedPaper> papers = parsed.papers();
        for (int position = 0; position < papers.size(); position++) {
            ParsedPaper paper = papers.get(position);
            Optional<String> problem = PaperValidation.problemWith(paper);
            if (problem.isPresent()) {
                rejected.add(new IngestionResult.RejectedPaper(position, paper.title(), problem.get()));
                deadLetters.add(new DeadLetter(documentId + "#" + position,
                        EventJson.write(Map.of("documentId", documentId, "documentName", document.name(),
                                "position", position, "paper", paper)),
                        problem.get()));
                continue;
            }
            String key = PaperIdentity.key(paper.arxivId(), paper.title(), paper.titleJa()).orElseThrow();
            summaries.add(paper.toSummaryEvent(key, documentId, document.name(), position, now));
        }
        if (summaries.isEmpty()) {
            throw new ProblemException(422, "no-valid-paper", "No valid papers",
                    "The document was split into " + papers.size() + " part(s) but none is a valid paper: "
                            + rejected.stream().map(IngestionResult.RejectedPaper::reason).distinct().toList());
        }
        EventSizes.requireWithin(config.maxEventBytes(), summaries, deadLetters);
        List<String> keys = summaries.stream().map(SummaryEvent::paperKey).toList();
        if (!dryRun) {
            boolean first = ledger.publishOnce(documentId, document.name(), parsed.format().wireName(), keys,
                    () -> publisher.publish(summaries, deadLetters));
            if (!first) {
                return duplicateOf(ledger.find(documentId).orElseThrow());
            }
        }
        return new IngestionResult(documentId, parsed.format().wireName(), keys, !dryRun, false, rejected,
                dryRun ? papers : null, parsed.warnings());
    }

    /**
     * The name is stored with every summary like the text, so it gets the text's treatment: no control characters,
     * no markup, no half surrogate pairs, and the length of a label.
     */
    private static IncomingDocument withCleanName(IncomingDocument document) {
        String name = document.name() == null ? "" : ParsableText.of(document.name()).text().strip();
        if (name.length() > MAX_NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, name.codePointCount(0, MAX_NAME_LENGTH - 1)));
        }
        return new IncomingDocument(name.isEmpty() ? "document" : name, document.bytes(), document.mediaType(),
                document.format());
    }

    private static IngestionResult duplicateOf(IngestedDocument earlier) {
        return new IngestionResult(earlier.documentId, earlier.format, List.of(earlier.paperKeys), false, true,
                List.of(), null);
    }

    private static DocumentFormat formatNamed(String name) {
        try {
            return DocumentFormat.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-format", e.getMessage());
        }
    }
}
