package dev.ronbun.ingest.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Remembers which documents were published. {@link #publishOnce} records the document and publishes in one
 * database transaction: if publishing fails nothing is recorded, and two concurrent copies of one document cannot
 * both pass (the second insert collides on the content hash).
 */
@ApplicationScoped
public class DocumentLedger {

    private final EntityManager em;

    public DocumentLedger(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Optional<IngestedDocument> find(String documentId) {
        return Optional.ofNullable(em.find(IngestedDocument.class, documentId));
    }

    /**
     * Forgets a published document, so that the same bytes can be sent again, and runs {@code retract} inside the
     * same transaction: if retracting fails the document stays recorded, and a second DELETE finds it.
     *
     * @return the document as it was recorded; empty when no such document was recorded (nothing was run)
     */
    @Transactional
    public Optional<IngestedDocument> forget(String documentId, Consumer<IngestedDocument> retract) {
        IngestedDocument document = em.find(IngestedDocument.class, documentId, LockModeType.PESSIMISTIC_WRITE);
        if (document == null) {
            return Optional.empty();
        }
        em.remove(document);
        em.flush();
        retract.accept(document);
        return Optional.of(document);
    }

    /**
     * Records the document and runs {@code publish} inside the same transaction.
     *
     * @return false when the document had been published before (nothing was run)
     */
    @Transactional
    public boolean publishOnce(String documentId, String name, String format, List<String> paperKeys, Runnable publish) {
        int inserted = em.createNativeQuery("""
                        insert into ingested_documents (document_id, name, format, paper_keys, ingested_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict (document_id) do nothing""")
                .setParameter(1, documentId)
                .setParameter(2, name)
                .setParameter(3, format)
                .setParameter(4, paperKeys.toArray(String[]::new))
                .setParameter(5, Instant.now())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        publish.run();
        return true;
    }
}
