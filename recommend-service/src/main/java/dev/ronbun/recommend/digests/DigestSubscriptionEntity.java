package dev.ronbun.recommend.digests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader's digest setting; {@code lastSentAt} is where the next digest's window starts. */
@Entity
@Table(name = "reader_digests")
public class DigestSubscriptionEntity {

    @Id
    @Column(name = "reader_id")
    public String readerId;

    @Column(name = "email", nullable = false)
    public String email;

    /** {@link DigestFrequency#wireName()}. */
    @Column(name = "frequency", nullable = false)
    public String frequency;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_sent_at")
    public Instant lastSentAt;
}
