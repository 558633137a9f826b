package dev.ronbun.embed.storage;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.SummaryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what {@link PaperStore} stored: a paper's full state as published, the summaries and papers a re-embed or a
 * refresh goes through page by page, and counts for progress.
 */
@ApplicationScoped
public class StoredPapers {

    /** Sorts before every paper id in PostgreSQL's order of uuids: where {@link #paperIds} starts. */
    public static final UUID FIRST_PAPER_ID = new UUID(0, 0);

    private final EntityManager em;
    private final WorkMerges works;
    private final DocumentRetractions retractions;

    public StoredPapers(EntityManager em, WorkMerges works, DocumentRetractions retractions) {
        this.em = em;
        this.works = works;
        this.retractions = retractions;
    }

    /**
     * What the store knows of an arriving summary, read in one transaction: whether its document was retracted since
     * it was ingested, and whether it is stored with a vector of the model version already (a redelivery).
     */
    @Transactional
    public SummaryArrival arrival(SummaryEvent event, String modelVersion) {
        if (retractions.isRetracted(event)) {
            return SummaryArrival.RETRACTED;
        }
        if (em.find(SummaryVectorEntity.class, new SummaryVectorEntity.Id(event.summaryId(), modelVersion)) == null) {
            return SummaryArrival.NEW;
        }
        // Its paper may have been merged into another work's record since: the stored summary knows where it went.
        SummaryEntity summary = em.find(SummaryEntity.class, event.summaryId());
        return SummaryArrival.storedIn(summary != null ? summary.paperId
                : UUID.fromString(PaperIdentity.paperId(event.paperKey())));
    }

    /** Up to {@code limit} papers after {@code after}, in id order, that have no work title key. */
    @Transactional
    public List<UUID> papersWithoutWorkKeys(UUID after, int limit) {
        List<?> rows = em.createNativeQuery("""
                        select cast(p.paper_id as text) from papers p where p.paper_id > ?1
                        and not exists (select 1 from paper_work_keys k where k.paper_id = p.paper_id)
                        order by p.paper_id limit ?2""")
                .setParameter(1, after).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> UUID.fromString(r.toString())).toList();
    }

    /** Up to {@code limit} summaries after {@code afterSummaryId}, in id order, that have no vector of the version. */
    @Transactional
    public List<StoredSummary> summariesWithoutVector(String modelVersion, String afterSummaryId, int limit) {
        return em.createQuery("""
                        select s from SummaryEntity s
                        where s.summaryId > :after and not exists (
                            select 1 from SummaryVectorEntity v
                            where v.id.summaryId = s.summaryId and v.id.modelVersion = :version)
                        order by s.summaryId""", SummaryEntity.class)
                .setParameter("after", afterSummaryId)
                .setParameter("version", modelVersion)
                .setMaxResults(limit)
                .getResultStream()
                .map(StoredSummary::of)
                .toList();
    }

    @Transactional
    public long summaryCount() {
        return em.createQuery("select count(s) from SummaryEntity s", Long.class).getSingleResult();
    }

    /** Summaries that have a vector of the version. */
    @Transactional
    public long summaryVectorCount(String modelVersion) {
        return em.createQuery("select count(v) from SummaryVectorEntity v where v.id.modelVersion = :version",
                        Long.class)
                .setParameter("version", modelVersion).getSingleResult();
    }

    /** Papers that have no vector of the version. */
    @Transactional
    public long papersWithoutVector(String modelVersion) {
        return em.createQuery("""
                        select count(p) from PaperEntity p where not exists (
                            select 1 from PaperVectorEntity v
                            where v.id.paperId = p.paperId and v.id.modelVersion = :version)""", Long.class)
                .setParameter("version", modelVersion).getSingleResult();
    }

    @Transactional
    public long paperCount() {
        return PaperCount.read(em);
    }

    /** Up to {@code limit} paper ids after {@code after} in id order, from {@link #FIRST_PAPER_ID} on. */
    @Transactional
    public List<UUID> paperIds(UUID after, int limit) {
        return em.createQuery("select p.paperId from PaperEntity p where p.paperId > :after order by p.paperId",
                        UUID.class)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The paper's full current state under the given model version, as published on ronbun.papers.v1. */
    @Transactional
    public Optional<PaperEvent> paperEvent(UUID paperId, String modelVersion) {
        PaperEntity paper = em.find(PaperEntity.class, paperId);
        PaperVectorEntity vector = em.find(PaperVectorEntity.class, new PaperVectorEntity.Id(paperId, modelVersion));
        if (paper == null || vector == null) {
            return Optional.empty();
        }
        List<SummaryEntity> stored = em.createQuery(
                        "select s from SummaryEntity s where s.paperId = :p", SummaryEntity.class)
                .setParameter("p", paperId).getResultList().stream()
                .sorted(Comparator.comparing((SummaryEntity s) -> s.ingestedAt).thenComparing(s -> s.summaryId))
                .toList();
        List<PaperSummary> summaries = stored.stream()
                .map(s -> new PaperSummary(s.summaryId, s.documentId, s.documentName, s.format, s.presenter,
                        s.sourceDate, s.summary, s.sections, s.body))
                .toList();
        List<Keyword> keywords = paper.keywords.stream().map(k -> new Keyword(k.term, k.weight)).toList();
        // The newest summary that names a venue (or a year) speaks for the paper: a later post may correct an earlier.
        String venue = stored.reversed().stream().map(s -> s.venue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        Integer year = stored.reversed().stream().map(s -> s.year).filter(y -> y != null).findFirst().orElse(null);
        return Optional.of(new PaperEvent(PaperEvent.SCHEMA_VERSION, paperId.toString(), paper.paperKey, paper.title,
                paper.titleJa, paper.arxivId, List.copyOf(paper.urls), List.copyOf(paper.authors), paper.kind,
                summaries, keywords, new PaperEmbedding(vector.modelId, modelVersion, vector.vector),
                paper.firstSeenAt, paper.updatedAt,
                PaperLinks.tags(stored.stream().map(st -> st.tags).toList()),
                PaperLinks.references(stored.stream().map(st -> st.references).toList()),
                works.formerIds(paperId), venue, year));
    }
}
