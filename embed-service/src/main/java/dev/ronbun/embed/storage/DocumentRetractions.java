package dev.ronbun.embed.storage;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.SummaryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Retracted documents: which copies of a document are retracted, and taking a retracted document's summaries out of
 * their papers. A retraction and a late summary of the same document serialise on one lock per document id
 * ({@link #lockDocument}), so they never both commit.
 */
@ApplicationScoped
public class DocumentRetractions {

    private final EntityManager em;
    private final PaperVectors vectors;
    private final PaperKeywords keywords;
    private final Clock clock = Clock.systemUTC();

    public DocumentRetractions(EntityManager em, PaperVectors vectors, PaperKeywords keywords) {
        this.em = em;
        this.vectors = vectors;
        this.keywords = keywords;
    }

    /**
     * What a retraction changed: papers that keep other summaries, papers it left without any, and the cached
     * passages the retracted summaries were made of (some may still serve other summaries).
     */
    public record Retraction(List<UUID> changed, List<UUID> emptied, List<PassageRef> passages) {
    }

    /**
     * True when the summary's document was retracted after this copy of it was ingested: the summary must not be
     * stored. A summary without {@code ingestedAt} (never sent by ingest) counts as ingested before any retraction.
     */
    @Transactional
    public boolean isRetracted(SummaryEvent event) {
        if (event.ingestedAt() == null) {
            return !em.createNativeQuery("select 1 from retracted_documents where document_id = ?1")
                    .setParameter(1, event.documentId()).getResultList().isEmpty();
        }
        return !em.createNativeQuery(
                        "select 1 from retracted_documents where document_id = ?1 and retracted_at >= ?2")
                .setParameter(1, event.documentId())
                .setParameter(2, Timestamp.from(event.ingestedAt()))
                .getResultList().isEmpty();
    }

    /**
     * Retracts a document in the caller's transaction: remembers the retraction, deletes the document's summaries
     * ingested at or before it (a copy ingested again later stays), and recomputes each of their papers that keeps
     * other summaries as a new summary would: vector (mean of the remaining summaries' vectors, per model version),
     * term frequencies (recounted from the remaining summaries' text) and keywords. Papers left without summaries are
     * locked and returned for the caller to tombstone and {@link #deletePaper delete}. Retracting twice changes
     * nothing the second time.
     *
     * @param summaryTerms a stored summary's term frequencies, given the names of people (no keywords)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Retraction retractDocument(String documentId, Instant retractedAt,
                                      BiFunction<StoredSummary, List<String>, Map<String, Integer>> summaryTerms,
                                      Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        lockDocument(documentId);
        em.createNativeQuery("""
                        insert into retracted_documents (document_id, retracted_at) values (?1, ?2)
                        on conflict (document_id) do update
                        set retracted_at = greatest(retracted_documents.retracted_at, excluded.retracted_at)""")
                .setParameter(1, documentId).setParameter(2, Timestamp.from(retractedAt)).executeUpdate();
        List<?> rows = em.createNativeQuery("""
                        select distinct cast(paper_id as text) from summaries
                        where document_id = ?1 and ingested_at <= ?2""")
                .setParameter(1, documentId).setParameter(2, Timestamp.from(retractedAt)).getResultList();
        Set<UUID> paperIds = new TreeSet<>(); // paper id order: locks never cross
        rows.forEach(r -> paperIds.add(UUID.fromString(r.toString())));
        paperIds.forEach(id -> em.find(PaperEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
        List<PassageRef> passages = ((List<?>) em.createNativeQuery("""
                        select distinct l.model_version, l.passage_hash from summary_passages l
                        join summaries s on s.summary_id = l.summary_id
                        where s.document_id = ?1 and s.ingested_at <= ?2""")
                .setParameter(1, documentId).setParameter(2, Timestamp.from(retractedAt)).getResultList()).stream()
                .map(row -> (Object[]) row)
                .map(row -> new PassageRef((String) row[0], (String) row[1]))
                .toList();
        em.createNativeQuery("delete from summaries where document_id = ?1 and ingested_at <= ?2")
                .setParameter(1, documentId).setParameter(2, Timestamp.from(retractedAt)).executeUpdate();
        Instant now = clock.instant();
        List<UUID> changed = new ArrayList<>();
        List<UUID> emptied = new ArrayList<>();
        for (UUID paperId : paperIds) {
            PaperEntity paper = em.find(PaperEntity.class, paperId);
            List<StoredSummary> remaining = em.createQuery(
                            "select s from SummaryEntity s where s.paperId = :p order by s.summaryId",
                            SummaryEntity.class)
                    .setParameter("p", paperId).getResultStream()
                    .map(StoredSummary::of)
                    .toList();
            if (remaining.isEmpty()) {
                emptied.add(paperId);
                continue;
            }
            vectors.recomputePaperVectors(paperId, now);
            keywords.rank(paper, keywords.recountTerms(paperId, remaining, summaryTerms, paper.authors),
                    keywordRanking);
            paper.updatedAt = now;
            changed.add(paperId);
        }
        return new Retraction(changed, emptied, passages);
    }

    /** Deletes a paper and everything stored with it (its rows cascade); the caller has tombstoned it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deletePaper(UUID paperId) {
        PaperEntity paper = em.find(PaperEntity.class, paperId);
        if (paper != null) {
            em.remove(paper);
            em.flush();
        }
    }

    /** One transaction-scoped lock per document id, taken by retractions and by a summary of the document. */
    void lockDocument(String documentId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, documentId).getSingleResult();
    }
}
