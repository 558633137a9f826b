package dev.ronbun.embed.storage;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A paper, identified across documents by its paper key; its summaries, vectors and terms hang off it. */
@Entity
@Table(name = "papers")
public class PaperEntity {

    @Id
    @Column(name = "paper_id")
    public UUID paperId;

    @Column(name = "paper_key", nullable = false, unique = true)
    public String paperKey;

    public String title;

    @Column(name = "title_ja")
    public String titleJa;

    @Column(name = "arxiv_id")
    public String arxivId;

    @Column(nullable = false)
    public String kind;

    @ElementCollection
    @CollectionTable(name = "paper_authors", joinColumns = @JoinColumn(name = "paper_id"))
    @OrderColumn(name = "position")
    @Column(name = "name")
    public List<String> authors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "paper_urls", joinColumns = @JoinColumn(name = "paper_id"))
    @OrderColumn(name = "position")
    @Column(name = "url")
    public List<String> urls = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "paper_keywords", joinColumns = @JoinColumn(name = "paper_id"))
    @OrderColumn(name = "rank")
    public List<KeywordValue> keywords = new ArrayList<>();

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
