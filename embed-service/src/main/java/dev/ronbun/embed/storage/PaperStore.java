package dev.ronbun.embed.storage;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.SummaryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Stores arriving summaries in their papers: the paper (joined to its work), the summary, its vector
 * ({@link PaperVectors}) and terms ({@link PaperKeywords}). Every write is an idempotent upsert keyed by paper key and
 * summary id, so a redelivered summary event after a crash changes nothing. Vectors are kept per model version: the
 * consumer stores the loaded model's vector with each new summary, a re-embed adds vectors to stored summaries.
 * Every writer locks the paper's row first, so the consumer and a re-embed never compute a paper's mean vector
 * without each other's newly stored summary vectors.
 */
@ApplicationScoped
public class PaperStore {

    private final EntityManager em;
    private final WorkMerges works;
    private final PaperVectors vectors;
    private final PaperKeywords keywords;
    private final DocumentRetractions retractions;
    private final Clock clock = Clock.systemUTC();

    public PaperStore(EntityManager em, WorkMerges works, PaperVectors vectors, PaperKeywords keywords,
                      DocumentRetractions retractions) {
        this.em = em;
        this.works = works;
        this.vectors = vectors;
        this.keywords = keywords;
        this.retractions = retractions;
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
        retractions.lockDocument(event.documentId());
        if (retractions.isRetracted(event)) {
            return Optional.empty();
        }
        return Optional.of(store(event, vector, summaryTerms, keywordRanking));
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

        boolean newVector = vectors.upsertSummaryVector(event.summaryId(), vector, now);
        em.flush();
        vectors.linkPassages(event.summaryId(), vector, newVector);

        vectors.updatePaperVector(paperId, vector.modelId(), vector.modelVersion(), now);
        if (!work.merged().isEmpty()) {
            // The merged records' summaries may carry vectors of other model versions (a re-embed under way).
            vectors.updatePaperVectorsOfEveryVersion(paperId, vector.modelVersion(), now);
        }
        keywords.rank(paper, keywords.addTerms(paperId, summaryTerms, newSummary), keywordRanking);
        return paperId;
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
            vectors.updatePaperVectorsOfEveryVersion(current, "", now);
            keywords.rank(em.find(PaperEntity.class, current), keywords.addTerms(current, Map.of(), false),
                    keywordRanking);
        }
        return merged ? Optional.of(current) : Optional.empty();
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
     * Locks the paper's row until the transaction ends. Writers of a paper and its publication take this lock, so
     * the state published last is the state stored last.
     *
     * @return false when there is no such paper
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lockPaper(UUID paperId) {
        return em.find(PaperEntity.class, paperId, LockModeType.PESSIMISTIC_WRITE) != null;
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

    private static String firstNonBlank(String existing, String incoming) {
        return existing != null && !existing.isBlank() ? existing : incoming;
    }
}
