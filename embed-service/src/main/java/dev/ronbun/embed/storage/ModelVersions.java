package dev.ronbun.embed.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * The record of model versions: which one serves (its vectors are the ones published) and how far a re-embed to a
 * new one has come. Only the re-embed job changes it, one job at a time; publication only reads the serving version.
 */
@ApplicationScoped
public class ModelVersions {

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    public ModelVersions(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Optional<ModelVersion> serving() {
        return servingEntity().map(ModelVersionEntity::value);
    }

    /** The version whose vectors are published; empty before the first model has been recorded. */
    @Transactional
    public Optional<String> servingVersion() {
        return em.createQuery("select m.version from ModelVersionEntity m where m.state = :state", String.class)
                .setParameter("state", ModelVersionState.SERVING).getResultStream().findFirst();
    }

    @Transactional
    public Optional<ModelVersion> find(String version) {
        return Optional.ofNullable(em.find(ModelVersionEntity.class, version)).map(ModelVersionEntity::value);
    }

    /** The first model of an empty or pre-versioning database serves at once: there is nothing older to keep. */
    @Transactional
    public ModelVersion startServing(String version, String modelId, long done, long total) {
        ModelVersionEntity row = new ModelVersionEntity();
        row.version = version;
        row.modelId = modelId;
        row.state = ModelVersionState.SERVING;
        row.startedAt = clock.instant();
        row.completedAt = row.startedAt;
        row.done = done;
        row.total = total;
        em.persist(row);
        return row.value();
    }

    /**
     * Makes {@code version} the one being built, away from the serving version. A build of it that was interrupted
     * keeps its start time (the job resumes it); a build of any other version is abandoned (retired).
     */
    @Transactional
    public ModelVersion startBuilding(String version, String modelId, String fromVersion) {
        retireBuildsOtherThan(version);
        em.flush(); // the partial unique index allows one building row at a time
        ModelVersionEntity row = em.find(ModelVersionEntity.class, version);
        if (row == null) {
            row = new ModelVersionEntity();
            row.version = version;
            row.startedAt = clock.instant();
            row.state = ModelVersionState.BUILDING;
            row.modelId = modelId;
            row.fromVersion = fromVersion;
            em.persist(row);
        } else if (row.state != ModelVersionState.BUILDING) {
            row.state = ModelVersionState.BUILDING;
            row.startedAt = clock.instant();
        }
        row.modelId = modelId;
        row.fromVersion = fromVersion;
        row.completedAt = null;
        return row.value();
    }

    /** Abandons any build of a version other than the given one: the model it was for is no longer configured. */
    @Transactional
    public void retireBuildsOtherThan(String version) {
        em.createQuery("select m from ModelVersionEntity m where m.state = :state", ModelVersionEntity.class)
                .setParameter("state", ModelVersionState.BUILDING).getResultStream()
                .filter(row -> !row.version.equals(version))
                .forEach(row -> row.state = ModelVersionState.RETIRED);
        dropCachedPassagesOfRetiredVersions();
    }

    @Transactional
    public void recordProgress(String version, long done, long total) {
        ModelVersionEntity row = require(version);
        row.done = done;
        row.total = total;
    }

    /** The serving version retires and {@code version} serves; it completes once every paper is published with it. */
    @Transactional
    public void switchServingTo(String version) {
        servingEntity().filter(row -> !row.version.equals(version))
                .ifPresent(row -> row.state = ModelVersionState.RETIRED);
        em.flush(); // the partial unique index allows one serving row at a time
        ModelVersionEntity row = require(version);
        row.state = ModelVersionState.SERVING;
        row.completedAt = null;
        dropCachedPassagesOfRetiredVersions();
    }

    /**
     * A retired version's summary vectors stay (switching back embeds only what is new), but its passage cache would
     * only ever serve a re-embed of new text with that model again: not worth the space.
     */
    private void dropCachedPassagesOfRetiredVersions() {
        em.flush();
        em.createNativeQuery("""
                delete from passage_vectors where model_version in (
                    select version from model_versions where state = 'retired')""").executeUpdate();
        em.createNativeQuery("""
                delete from summary_passages where model_version in (
                    select version from model_versions where state = 'retired')""").executeUpdate();
    }

    @Transactional
    public void complete(String version) {
        require(version).completedAt = clock.instant();
    }

    private Optional<ModelVersionEntity> servingEntity() {
        return em.createQuery("select m from ModelVersionEntity m where m.state = :state", ModelVersionEntity.class)
                .setParameter("state", ModelVersionState.SERVING).getResultStream().findFirst();
    }

    private ModelVersionEntity require(String version) {
        ModelVersionEntity row = em.find(ModelVersionEntity.class, version);
        if (row == null) {
            throw new IllegalStateException("no model version " + version + " recorded");
        }
        return row;
    }
}
