package dev.ronbun.embed.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.lucene.util.VectorUtil;
import org.hibernate.Session;

/**
 * Summary vectors, the passages they were made of, and paper vectors (per model version, the normalised mean of the
 * paper's summary vectors), written in the caller's transaction by {@link PaperStore} and
 * {@link DocumentRetractions}, and on their own by a re-embed ({@link #addVectors}).
 */
@ApplicationScoped
public class PaperVectors {

    private final EntityManager em;
    private final PassageVectorStore passages;
    private final Clock clock = Clock.systemUTC();

    public PaperVectors(EntityManager em, PassageVectorStore passages) {
        this.em = em;
        this.passages = passages;
    }

    /**
     * Adds vectors to stored summaries and recomputes their papers' vectors under the vectors' model versions, in
     * one transaction. Summaries that are not stored are skipped.
     *
     * @param vectors by summary id
     * @return the papers whose vectors were recomputed
     */
    @Transactional
    public Set<UUID> addVectors(Map<String, StoredVector> vectors) {
        Instant now = clock.instant();
        List<SummaryEntity> summaries = em.createQuery(
                        "select s from SummaryEntity s where s.summaryId in :ids", SummaryEntity.class)
                .setParameter("ids", vectors.keySet()).getResultList();
        Map<UUID, Map<String, String>> modelsByPaper = new TreeMap<>(); // paper id order: locks never cross
        for (SummaryEntity summary : summaries) {
            StoredVector vector = vectors.get(summary.summaryId);
            modelsByPaper.computeIfAbsent(summary.paperId, p -> new HashMap<>())
                    .put(vector.modelVersion(), vector.modelId());
        }
        modelsByPaper.keySet().forEach(id -> em.find(PaperEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
        Map<String, Boolean> newVectors = new HashMap<>();
        for (SummaryEntity summary : summaries) {
            String id = summary.summaryId;
            newVectors.put(id, upsertSummaryVector(id, vectors.get(id), now));
        }
        em.flush();
        summaries.forEach(summary -> linkPassages(summary.summaryId, vectors.get(summary.summaryId),
                newVectors.get(summary.summaryId)));
        modelsByPaper.forEach((paperId, models) ->
                models.forEach((version, modelId) -> updatePaperVector(paperId, modelId, version, now)));
        return modelsByPaper.keySet();
    }

    /** @return true when the summary had no vector of this version before */
    boolean upsertSummaryVector(String summaryId, StoredVector vector, Instant now) {
        SummaryVectorEntity.Id vectorId = new SummaryVectorEntity.Id(summaryId, vector.modelVersion());
        SummaryVectorEntity summaryVector = em.find(SummaryVectorEntity.class, vectorId);
        boolean newVector = summaryVector == null;
        if (newVector) {
            summaryVector = new SummaryVectorEntity();
            summaryVector.id = vectorId;
            summaryVector.createdAt = now;
        }
        summaryVector.modelId = vector.modelId();
        summaryVector.vector = vector.vector();
        summaryVector.tokenCount = vector.tokenCount();
        summaryVector.chunkCount = vector.chunkCount();
        if (newVector) {
            em.persist(summaryVector);
        }
        return newVector;
    }

    /**
     * Caches the passage vectors the summary's vector brought uncached, then records which cached passage vectors it
     * was made of, replacing what an earlier vector of the same version recorded; the links go with the summary
     * vector, so the cache knows what is still in use.
     *
     * @param newVector the summary had no vector of this version before, so it has no links to replace (they go with
     *                  the vector: one statement less a new summary)
     */
    void linkPassages(String summaryId, StoredVector vector, boolean newVector) {
        passages.remember(vector.modelVersion(), vector.uncachedPassages());
        em.unwrap(Session.class).doWork(connection -> {
            if (!newVector) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from summary_passages where summary_id = ? and model_version = ?")) {
                    delete.setString(1, summaryId);
                    delete.setString(2, vector.modelVersion());
                    delete.executeUpdate();
                }
            }
            if (vector.passageKeys().isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into summary_passages (summary_id, model_version, passage_hash)
                    select ?, ?, unnest(?) on conflict do nothing""")) {
                insert.setString(1, summaryId);
                insert.setString(2, vector.modelVersion());
                insert.setArray(3, connection.createArrayOf("text", vector.passageKeys().toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** The paper's vector under a model version: the normalised mean of its summaries' vectors of that version. */
    void updatePaperVector(UUID paperId, String modelId, String modelVersion, Instant now) {
        List<float[]> vectors = em.createQuery("""
                        select v.vector from SummaryVectorEntity v, SummaryEntity s
                        where v.id.summaryId = s.summaryId and s.paperId = :paperId and v.id.modelVersion = :version
                        order by s.summaryId""", float[].class)
                .setParameter("paperId", paperId)
                .setParameter("version", modelVersion)
                .getResultList();
        float[] mean = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i];
            }
        }
        VectorUtil.l2normalize(mean, false);
        PaperVectorEntity.Id id = new PaperVectorEntity.Id(paperId, modelVersion);
        PaperVectorEntity paperVector = em.find(PaperVectorEntity.class, id);
        boolean newVector = paperVector == null;
        if (newVector) {
            paperVector = new PaperVectorEntity();
            paperVector.id = id;
        }
        paperVector.modelId = modelId;
        paperVector.vector = mean;
        paperVector.updatedAt = now;
        if (newVector) {
            em.persist(paperVector);
        }
    }

    /** The paper's vector under every version its summaries have vectors of, except {@code doneVersion}. */
    void updatePaperVectorsOfEveryVersion(UUID paperId, String doneVersion, Instant now) {
        List<Object[]> versions = em.createQuery("""
                        select distinct v.id.modelVersion, v.modelId from SummaryVectorEntity v, SummaryEntity s
                        where v.id.summaryId = s.summaryId and s.paperId = :paperId""", Object[].class)
                .setParameter("paperId", paperId).getResultList();
        for (Object[] version : versions) {
            if (!doneVersion.equals(version[0])) {
                updatePaperVector(paperId, (String) version[1], (String) version[0], now);
            }
        }
    }

    /** Each model version's paper vector again from the remaining summaries; versions none of them has go. */
    void recomputePaperVectors(UUID paperId, Instant now) {
        em.createNativeQuery("""
                        delete from paper_vectors p where p.paper_id = ?1 and not exists (
                            select 1 from summary_vectors v join summaries s on s.summary_id = v.summary_id
                            where s.paper_id = p.paper_id and v.model_version = p.model_version)""")
                .setParameter(1, paperId).executeUpdate();
        updatePaperVectorsOfEveryVersion(paperId, "", now);
    }
}
