package dev.ronbun.embed.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A paper's vector under one model version: the normalised mean of its summaries' vectors. */
@Entity
@Table(name = "paper_vectors")
public class PaperVectorEntity {

    @EmbeddedId
    public Id id;

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @Column(nullable = false)
    public float[] vector;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Paper plus model version. */
    @Embeddable
    public record Id(@Column(name = "paper_id") UUID paperId,
                     @Column(name = "model_version") String modelVersion) implements Serializable {
    }
}
