package dev.ronbun.embed.storage;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.SummaryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.lucene.util.VectorUtil;
import org.hibernate.Session;

/**
 * Stores papers, their summaries, vectors and terms. Every write is an idempotent upsert keyed by paper key and
 * summary id, so a redelivered summary event after a crash changes nothing. Vectors are kept per model version: the
 * consumer stores the loaded model's vector with each new summary, a re-embed adds vectors to stored summaries.
 * Every writer locks the paper's row first, so the consumer and a re-embed never compute a paper's mean vector
 * without each other's newly stored summary vectors.
 */
@ApplicationScoped
public class PaperStore {

    /** Sorts before every paper id in PostgreSQL's order of uuids: where {@link #paperIds} starts. */
    public static final UUID FIRST_PAPER_ID = new UUID(0, 0);

    private final EntityManager em;
    private final WorkMerges works;
    private final Clock clock = Clock.systemUTC();

    public PaperStore(EntityManager em, WorkMerges works) {
        this.em = em;
        this.works = works;
    }

    /** The paper a stored summary belongs to now: its key's paper, or the paper that record was merged into. */
    @Transactional
    public Optional<UUID> paperOf(String summaryId) {
        SummaryEntity summary = em.find(SummaryEntity.class, summaryId);
        return summary == null ? Optional.empty() : Optional.of(summary.paperId);
    }

    /** True when this summary and its vector under the given model are already stored. */
    @Transactional
    public boolean isStored(String summaryId, String modelVersion) {
        return em.find(SummaryVectorEntity.class, new SummaryVectorEntity.Id(summaryId, modelVersion)) != null;
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
                .setParameter(2, java.sql.Timestamp.from(event.ingestedAt()))
                .getResultList().isEmpty();
    }

    /**
     * {@link #store} unless the document was retracted: checked under the document's lock, which a retraction takes
     * too, so a retraction and a late summary of the same document never both commit.
     *
     * @return the paper id; empty when the summary belongs to a retracted copy of its document
     */
    @Transactional
    public Optional<UUID> storeUnlessRetracted(SummaryEvent event, StoredVector vector,
                                               Map<String, Integer> summaryTerms,
                                               Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        lockDocument(event.documentId());
        if (isRetracted(event)) {
            return Optional.empty();
        }
        return Optional.of(store(event, vector, summaryTerms, keywordRanking));
    }

    /** What a retraction changed: papers that keep other summaries, and papers it left without any. */
    public record Retraction(List<UUID> changed, List<UUID> emptied) {
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
                .setParameter(1, documentId).setParameter(2, java.sql.Timestamp.from(retractedAt)).executeUpdate();
        List<?> rows = em.createNativeQuery("""
                        select distinct cast(paper_id as text) from summaries
                        where document_id = ?1 and ingested_at <= ?2""")
                .setParameter(1, documentId).setParameter(2, java.sql.Timestamp.from(retractedAt)).getResultList();
        Set<UUID> paperIds = new java.util.TreeSet<>(); // paper id order: locks never cross
        rows.forEach(r -> paperIds.add(UUID.fromString(r.toString())));
        paperIds.forEach(this::lockPaper);
        em.createNativeQuery("delete from summaries where document_id = ?1 and ingested_at <= ?2")
                .setParameter(1, documentId).setParameter(2, java.sql.Timestamp.from(retractedAt)).executeUpdate();
        Instant now = clock.instant();
        List<UUID> changed = new ArrayList<>();
        List<UUID> emptied = new ArrayList<>();
        for (UUID paperId : paperIds) {
            PaperEntity paper = em.find(PaperEntity.class, paperId);
            List<StoredSummary> remaining = em.createQuery(
                            "select s from SummaryEntity s where s.paperId = :p order by s.summaryId",
                            SummaryEntity.class)
                    .setParameter("p", paperId).getResultStream()
                    .map(s -> new StoredSummary(s.summaryId, s.paperId, s.title, s.titleJa, s.summary,
                            List.copyOf(s.sections), s.body, s.presenter))
                    .toList();
            if (remaining.isEmpty()) {
                emptied.add(paperId);
                continue;
            }
            recomputeVectors(paperId, now);
            Map<String, Integer> paperTerms = recountTerms(paperId, remaining, summaryTerms, paper.authors);
            em.flush();
            setKeywords(paper, keywordRanking.apply(new DocumentFrequencyView(em, paperTerms, paperTags(paperId))));
            paper.updatedAt = now;
            changed.add(paperId);
        }
        return new Retraction(changed, emptied);
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

    /** One transaction-scoped lock per document id, taken by retractions and by {@link #storeUnlessRetracted}. */
    private void lockDocument(String documentId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, documentId).getSingleResult();
    }

    /** Each model version's paper vector again from the remaining summaries; versions none of them has go. */
    private void recomputeVectors(UUID paperId, Instant now) {
        em.createNativeQuery("""
                        delete from paper_vectors p where p.paper_id = ?1 and not exists (
                            select 1 from summary_vectors v join summaries s on s.summary_id = v.summary_id
                            where s.paper_id = p.paper_id and v.model_version = p.model_version)""")
                .setParameter(1, paperId).executeUpdate();
        updatePaperVectorsOfEveryVersion(paperId, "", now);
    }

    private Map<String, Integer> recountTerms(UUID paperId, List<StoredSummary> remaining,
                                              BiFunction<StoredSummary, List<String>, Map<String, Integer>> summaryTerms,
                                              List<String> authors) {
        em.createNativeQuery("delete from paper_terms where paper_id = ?1").setParameter(1, paperId).executeUpdate();
        Map<String, Integer> terms = new HashMap<>();
        for (StoredSummary summary : remaining) {
            List<String> people = new ArrayList<>(authors);
            if (summary.presenter() != null) {
                people.add(summary.presenter());
            }
            summaryTerms.apply(summary, people).forEach((term, tf) -> terms.merge(term, tf, Integer::sum));
        }
        terms.forEach((term, tf) -> em.persist(new PaperTermEntity(paperId, term, tf)));
        return terms;
    }

    /**
     * Upserts the summary's paper, the summary, its vector and the paper's terms, then recomputes the paper vector
     * (mean of its summaries' vectors) and its keywords with the ranking given the corpus document frequencies.
     *
     * @return the paper id
     */
    @Transactional
    public UUID store(SummaryEvent event, StoredVector vector, Map<String, Integer> summaryTerms,
                      Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        Instant now = clock.instant();
        WorkMerges.Resolution work = works.resolve(event);
        UUID paperId = work.paperId();
        PaperEntity paper = joinWork(work, event, now);

        SummaryEntity summary = em.find(SummaryEntity.class, event.summaryId());
        boolean newSummary = summary == null;
        if (newSummary) {
            summary = new SummaryEntity();
            summary.summaryId = event.summaryId();
            summary.storedAt = now;
        }
        summary.paperId = paperId;
        summary.documentId = event.documentId();
        summary.documentName = event.documentName();
        summary.position = event.position();
        summary.format = event.format();
        summary.title = event.title();
        summary.titleJa = event.titleJa();
        summary.presenter = event.presenter();
        summary.sourceDate = event.sourceDate();
        summary.summary = event.summary();
        summary.sections = new ArrayList<>(event.sections());
        summary.body = event.body() == null ? "" : event.body();
        summary.tags = new ArrayList<>(event.tags());
        summary.references = new ArrayList<>(event.references());
        summary.venue = event.venue();
        summary.year = event.year();
        summary.ingestedAt = event.ingestedAt() == null ? now : event.ingestedAt();
        if (newSummary) {
            em.persist(summary);
        }

        upsertSummaryVector(event.summaryId(), vector, now);
        em.flush();
        linkPassages(event.summaryId(), vector);

        updatePaperVector(paperId, vector.modelId(), vector.modelVersion(), now);
        if (!work.merged().isEmpty()) {
            // The merged records' summaries may carry vectors of other model versions (a re-embed under way).
            updatePaperVectorsOfEveryVersion(paperId, vector.modelVersion(), now);
        }
        Map<String, Integer> paperTerms = addTerms(paperId, summaryTerms, newSummary);
        em.flush(); // the document frequencies below are read with a query, which must see this paper's terms
        setKeywords(paper, keywordRanking.apply(new DocumentFrequencyView(em, paperTerms, paperTags(paperId))));
        return paperId;
    }

    /**
     * Ranks a stored paper's keywords again against the corpus as it is now. Document frequencies change as papers
     * arrive, so a paper ranked early was ranked against a smaller corpus; ranking every paper again once the
     * corpus stops changing gives each the keywords the same final corpus gives it, whatever order papers came in.
     *
     * @return true when the paper's keywords (their terms or order) changed, so it is worth publishing again
     */
    @Transactional
    public boolean rankKeywordsAgain(UUID paperId, Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        PaperEntity paper = em.find(PaperEntity.class, paperId, LockModeType.PESSIMISTIC_WRITE);
        if (paper == null) {
            return false;
        }
        List<String> before = paper.keywords.stream().map(k -> k.term).toList();
        List<Keyword> keywords = keywordRanking.apply(
                new DocumentFrequencyView(em, addTerms(paperId, Map.of(), false), paperTags(paperId)));
        setKeywords(paper, keywords);
        return !before.equals(keywords.stream().map(Keyword::term).toList());
    }

    private static void setKeywords(PaperEntity paper, List<Keyword> keywords) {
        paper.keywords.clear();
        for (Keyword keyword : keywords) {
            paper.keywords.add(new KeywordValue(keyword.term(), keyword.weight()));
        }
    }

    private List<String> paperTags(UUID paperId) {
        return PaperLinks.tags(em.createQuery("select s from SummaryEntity s where s.paperId = :p", SummaryEntity.class)
                .setParameter("p", paperId).getResultList().stream()
                .sorted(Comparator.comparing((SummaryEntity s) -> s.ingestedAt).thenComparing(s -> s.summaryId))
                .map(s -> s.tags).toList());
    }

    /**
     * Joins a stored paper to its work as a new summary of it would, for papers stored before work title keys were
     * kept: each title its summaries gave is looked up, records of one work are merged, the keys are recorded.
     *
     * @return the paper to republish, when records were merged into it; empty when nothing changed that readers see
     */
    @Transactional
    public Optional<UUID> rejoinWork(UUID paperId, Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        PaperEntity stored = em.find(PaperEntity.class, paperId);
        if (stored == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<String[]> titles = new ArrayList<>();
        titles.add(new String[] {stored.title, stored.titleJa});
        em.createQuery("select s.title, s.titleJa from SummaryEntity s where s.paperId = :p", Object[].class)
                .setParameter("p", paperId).getResultList()
                .forEach(row -> titles.add(new String[] {(String) row[0], (String) row[1]}));
        UUID current = paperId;
        boolean merged = false;
        for (String[] title : titles) {
            SummaryEvent shape = new SummaryEvent(SummaryEvent.SCHEMA_VERSION, stored.paperKey, "", null, 0, "",
                    title[0], title[1], stored.arxivId, List.of(), List.of(), null, stored.kind, null, null,
                    List.of(), "", null);
            WorkMerges.Resolution work = works.resolve(shape);
            joinWork(work, shape, now);
            merged |= !work.merged().isEmpty();
            current = work.paperId();
        }
        if (merged) {
            updatePaperVectorsOfEveryVersion(current, "", now);
            Map<String, Integer> paperTerms = addTerms(current, Map.of(), false);
            PaperEntity paper = em.find(PaperEntity.class, current);
            setKeywords(paper, keywordRanking.apply(new DocumentFrequencyView(em, paperTerms, paperTags(current))));
        }
        return merged ? Optional.of(current) : Optional.empty();
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

    /**
     * Locks the work's records in id order (as every writer locks them, so two writers never wait on each other in a
     * circle), creates the surviving paper when it is new, and merges the other records into it.
     */
    private PaperEntity joinWork(WorkMerges.Resolution work, SummaryEvent event, Instant now) {
        UUID paperId = work.paperId();
        Map<UUID, PaperEntity> locked = new TreeMap<>();
        locked.put(paperId, null);
        work.merged().forEach(id -> locked.put(id, null));
        locked.replaceAll((id, none) -> em.find(PaperEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
        // Entities are filled before persist: Hibernate may insert at persist time, and the columns are not null.
        PaperEntity paper = locked.get(paperId);
        boolean newPaper = paper == null;
        if (newPaper) {
            paper = new PaperEntity();
            paper.paperId = paperId;
            paper.paperKey = work.paperKey();
            paper.kind = event.kind() == null ? "paper" : event.kind();
            paper.firstSeenAt = now;
        }
        mergeMetadata(paper, event);
        paper.updatedAt = now;
        if (newPaper) {
            em.persist(paper);
            em.flush();
        }
        for (UUID formerId : work.merged()) {
            PaperEntity former = locked.get(formerId);
            if (former != null) {
                works.merge(former, paper, now);
            }
        }
        works.addKeys(paperId, event);
        return paper;
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
        modelsByPaper.keySet().forEach(this::lockPaper);
        for (SummaryEntity summary : summaries) {
            upsertSummaryVector(summary.summaryId, vectors.get(summary.summaryId), now);
        }
        em.flush();
        summaries.forEach(summary -> linkPassages(summary.summaryId, vectors.get(summary.summaryId)));
        modelsByPaper.forEach((paperId, models) ->
                models.forEach((version, modelId) -> updatePaperVector(paperId, modelId, version, now)));
        return modelsByPaper.keySet();
    }

    /**
     * Locks the paper's row until the transaction ends. Writers of a paper and its publication take this lock, so
     * the state published last is the state stored last.
     *
     * @return false when there is no such paper
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockPaper(UUID paperId) {
        return em.find(PaperEntity.class, paperId, LockModeType.PESSIMISTIC_WRITE) != null;
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
                .map(s -> new StoredSummary(s.summaryId, s.paperId, s.title, s.titleJa, s.summary,
                        List.copyOf(s.sections), s.body, s.presenter))
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
        return em.createQuery("select count(p) from PaperEntity p", Long.class).getSingleResult();
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

    private void upsertSummaryVector(String summaryId, StoredVector vector, Instant now) {
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
    }

    /**
     * Records which cached passage vectors the summary's vector was made of, replacing what an earlier vector of the
     * same version recorded; the links go with the summary vector, so the cache knows what is still in use.
     */
    private void linkPassages(String summaryId, StoredVector vector) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from summary_passages where summary_id = ? and model_version = ?")) {
                delete.setString(1, summaryId);
                delete.setString(2, vector.modelVersion());
                delete.executeUpdate();
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

    private static void mergeMetadata(PaperEntity paper, SummaryEvent event) {
        paper.title = firstNonBlank(paper.title, event.title());
        paper.titleJa = firstNonBlank(paper.titleJa, event.titleJa());
        paper.arxivId = firstNonBlank(paper.arxivId, event.arxivId());
        LinkedHashSet<String> authors = new LinkedHashSet<>(paper.authors);
        authors.addAll(event.authors());
        paper.authors.clear();
        paper.authors.addAll(authors);
        LinkedHashSet<String> urls = new LinkedHashSet<>(paper.urls);
        urls.addAll(event.urls());
        paper.urls.clear();
        paper.urls.addAll(urls);
    }

    /** The paper's vector under a model version: the normalised mean of its summaries' vectors of that version. */
    private void updatePaperVector(UUID paperId, String modelId, String modelVersion, Instant now) {
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

    private void updatePaperVectorsOfEveryVersion(UUID paperId, String doneVersion, Instant now) {
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

    /**
     * A paper's term frequencies are the sum over its summaries. A summary adds its terms once, when it is first
     * stored; storing it again (a redelivery, or a vector for a new model) leaves the counts as they are.
     */
    private Map<String, Integer> addTerms(UUID paperId, Map<String, Integer> summaryTerms, boolean summaryIsNew) {
        Map<String, PaperTermEntity> stored = new HashMap<>();
        em.createQuery("select t from PaperTermEntity t where t.id.paperId = :p", PaperTermEntity.class)
                .setParameter("p", paperId).getResultList()
                .forEach(t -> stored.put(t.id.term(), t));
        if (summaryIsNew) {
            summaryTerms.forEach((term, tf) -> {
                PaperTermEntity existing = stored.get(term);
                if (existing != null) {
                    existing.tf += tf;
                } else {
                    PaperTermEntity added = new PaperTermEntity(paperId, term, tf);
                    em.persist(added);
                    stored.put(term, added);
                }
            });
        }
        Map<String, Integer> terms = new HashMap<>();
        stored.forEach((term, entity) -> terms.put(term, entity.tf));
        return terms;
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

    private static String firstNonBlank(String existing, String incoming) {
        return existing != null && !existing.isBlank() ? existing : incoming;
    }
}
