package dev.ronbun.embed.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One model version the service has embedded with, and its place in the re-embed life cycle. */
@Entity
@Table(name = "model_versions")
public class ModelVersionEntity {

    @Id
    public String version;

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @Convert(converter = ModelVersionState.Column.class)
    @Column(nullable = false)
    public ModelVersionState state;

    @Column(name = "from_version")
    public String fromVersion;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(nullable = false)
    public long done;

    @Column(nullable = false)
    public long total;

    ModelVersion value() {
        return new ModelVersion(version, modelId, state, fromVersion, startedAt, completedAt, done, total);
    }
}
