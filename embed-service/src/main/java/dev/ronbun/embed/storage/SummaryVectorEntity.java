package dev.ronbun.embed.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A summary's vector under one model version. */
@Entity
@Table(name = "summary_vectors")
public class SummaryVectorEntity {

    @EmbeddedId
    public Id id;

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @Column(nullable = false)
    public float[] vector;

    @Column(name = "token_count", nullable = false)
    public int tokenCount;

    @Column(name = "chunk_count", nullable = false)
    public int chunkCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Summary plus model version. */
    @Embeddable
    public record Id(@Column(name = "summary_id") String summaryId,
                     @Column(name = "model_version") String modelVersion) implements Serializable {
    }
}
