package dev.ronbun.embed.storage;

import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One summary of a paper from one document; its id (document + position) makes redelivery harmless. */
@Entity
@Table(name = "summaries")
public class SummaryEntity {

    @Id
    @Column(name = "summary_id")
    public String summaryId;

    @Column(name = "paper_id", nullable = false)
    public UUID paperId;

    @Column(name = "document_id", nullable = false)
    public String documentId;

    @Column(name = "document_name")
    public String documentName;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String format;

    /** The title as this summary's document gave it; the paper's title may come from another document. */
    public String title;

    @Column(name = "title_ja")
    public String titleJa;

    public String presenter;

    @Column(name = "source_date")
    public LocalDate sourceDate;

    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Section> sections = new ArrayList<>();

    @Column(nullable = false)
    public String body;

    /** The writer's tags, as the summary's document gave them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    /** The papers this summary names as next to read or as key references. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reference_list", nullable = false)
    public List<Reference> references = new ArrayList<>();

    /** The journal or conference the summary's citation names. */
    public String venue;

    /** The year of publication the summary's citation gives. */
    public Integer year;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
