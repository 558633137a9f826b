package dev.ronbun.ingest.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A document that was published once; its content hash keeps the same bytes from being published again. */
@Entity
@Table(name = "ingested_documents")
public class IngestedDocument {

    @Id
    @Column(name = "document_id")
    public String documentId;

    public String name;

    @Column(nullable = false)
    public String format;

    @Column(name = "paper_keys", nullable = false)
    public String[] paperKeys;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;
}
