package dev.ronbun.ingest.documents;

import dev.ronbun.contracts.ContentHash;
import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.ingest.ledger.DocumentLedger;
import dev.ronbun.ingest.publishing.SummaryPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes a document back: the ledger forgets it (the same bytes may be sent again) and its retraction is published for
 * embed-service, which drops the document's summaries and tombstones the papers left without any. Ingest owns no
 * papers, so the retraction travels over Kafka; both happen or neither (the publish runs in the ledger's transaction).
 */
@ApplicationScoped
public class DocumentRetractions {

    private final DocumentLedger ledger;
    private final SummaryPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    public DocumentRetractions(DocumentLedger ledger, SummaryPublisher publisher) {
        this.ledger = ledger;
        this.publisher = publisher;
    }

    /**
     * @throws ProblemException 404 when no document with this id is recorded: never ingested, or already retracted
     *                          (a repeated DELETE is a 404, the retraction having been published once)
     */
    public DocumentRetraction retract(String documentId) {
        if (!ContentHash.isHash(documentId)) {
            throw unknown(documentId);
        }
        AtomicReference<DocumentRetraction> published = new AtomicReference<>();
        ledger.forget(documentId, document -> {
            // After the ledger's last write, so that a summary ingested before has an earlier ingestedAt.
            Instant now = clock.instant();
            DocumentRetraction retraction = new DocumentRetraction(DocumentRetraction.SCHEMA_VERSION, documentId,
                    List.of(document.paperKeys), now);
            publisher.retract(retraction);
            published.set(retraction);
        }).orElseThrow(() -> unknown(documentId));
        return published.get();
    }

    private static ProblemException unknown(String documentId) {
        String which = ContentHash.isHash(documentId) ? "the id " + documentId
                : "this id (a document id is the SHA-256 of its bytes in hex, as POST /api/documents answered)";
        return ProblemException.notFound("unknown-document",
                "No ingested document has " + which + "; it may have been deleted already.");
    }
}
