package dev.ronbun.ingest.feeds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A feed entry that could not be ingested, and why: the dead-letter path of feeds. */
@Entity
@Table(name = "feed_failed_entries")
public class FailedFeedEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "feed_id", nullable = false)
    public long feedId;

    @Column(name = "entry_id", nullable = false)
    public String entryId;

    public String title;

    @Column(nullable = false)
    public String reason;

    @Column(name = "failed_at", nullable = false)
    public Instant failedAt;
}
