package dev.ronbun.recommend.readers;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** What one reader did with one paper, folded over all their events on it: the profile's building block. */
@Entity
@Table(name = "reader_papers")
public class ReaderPaperEntity {

    @EmbeddedId
    public Id id;

    /** The strongest interest any event showed (see {@link InteractionWeights}). */
    @Column(nullable = false)
    public double weight;

    /** The type of the latest event by its time; {@code dismissed} here pushes the paper away. */
    @Column(name = "last_type", nullable = false)
    public String lastType;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;

    @Embeddable
    public record Id(@Column(name = "reader_id") String readerId, @Column(name = "paper_id") String paperId)
            implements Serializable {
    }
}
