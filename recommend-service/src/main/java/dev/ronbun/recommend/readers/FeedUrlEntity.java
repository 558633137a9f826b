package dev.ronbun.recommend.readers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader's secret feed URL, kept as the SHA-256 of its token (hex) so the stored value opens nothing. */
@Entity
@Table(name = "reader_feed_urls")
public class FeedUrlEntity {

    @Id
    @Column(name = "reader_id")
    public String readerId;

    @Column(name = "token_sha256", nullable = false, unique = true)
    public String tokenSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
