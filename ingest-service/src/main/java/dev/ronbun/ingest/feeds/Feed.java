package dev.ronbun.ingest.feeds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A feed subscription and how its polling went. */
@Entity
@Table(name = "feeds")
public class Feed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String url;

    public String name;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_fetch_at")
    public Instant lastFetchAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "next_fetch_at", nullable = false)
    public Instant nextFetchAt;

    @Column(name = "entries_ingested", nullable = false)
    public long entriesIngested;

    @Column(name = "entries_failed", nullable = false)
    public long entriesFailed;
}
