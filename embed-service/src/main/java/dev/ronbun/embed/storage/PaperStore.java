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
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.lucene.util.VectorUtil;

/**
 * Stores papers, their summaries, vectors and terms. Every write is an idempotent upsert keyed by paper key and
 * summary id, so a redelivered summary event after a crash changes nothing.
 */
@ApplicationScoped
public class PaperStore {

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    public PaperStore(EntityManager em) {
        this.em = em;
    }

    /** True when this summary and its vector under the given model are already stored. */
    @Transactional
    public boolean isStored(String summaryId, String modelVersion) {
        return em.find(SummaryVectorEntity.class, new SummaryVectorEntity.Id(summaryId, modelVersion)) != null;
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
        UUID paperId = UUID.fromString(PaperIdentity.paperId(event.paperKey()));
        // Entities are filled before persist: Hibernate may insert at persist time, and the columns are not null.
        PaperEntity paper = em.find(PaperEntity.class, paperId);
        boolean newPaper = paper == null;
        if (newPaper) {
            paper = new PaperEntity();
            paper.paperId = paperId;
            paper.paperKey = event.paperKey();
            paper.kind = event.kind() == null ? "paper" : event.kind();
            paper.firstSeenAt = now;
        }
        mergeMetadata(paper, event);
        paper.updatedAt = now;
        if (newPaper) {
            em.persist(paper);
        }

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
        summary.presenter = event.presenter();
        summary.sourceDate = event.sourceDate();
        summary.summary = event.summary();
        summary.sections = new java.util.ArrayList<>(event.sections());
        summary.body = event.body() == null ? "" : event.body();
        summary.ingestedAt = event.ingestedAt() == null ? now : event.ingestedAt();
        if (newSummary) {
            em.persist(summary);
        }

        SummaryVectorEntity.Id vectorId = new SummaryVectorEntity.Id(event.summaryId(), vector.modelVersion());
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
        em.flush();

        updatePaperVector(paperId, vector.modelId(), vector.modelVersion(), now);
        Map<String, Integer> paperTerms = addTerms(paperId, summaryTerms, newSummary);
        em.flush(); // the document frequencies below are read with a query, which must see this paper's terms
        List<Keyword> keywords = keywordRanking.apply(new DocumentFrequencyView(em, paperTerms));
        paper.keywords.clear();
        for (Keyword keyword : keywords) {
            paper.keywords.add(new KeywordValue(keyword.term(), keyword.weight()));
        }
        return paperId;
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

    /**
     * A paper's term frequencies are the sum over its summaries. A summary adds its terms once, when it is first
     * stored; storing it again (a redelivery, or a vector for a new model) leaves the counts as they are.
     */
    private Map<String, Integer> addTerms(UUID paperId, Map<String, Integer> summaryTerms, boolean summaryIsNew) {
        Map<String, PaperTermEntity> stored = new java.util.HashMap<>();
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
        Map<String, Integer> terms = new java.util.HashMap<>();
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
        List<PaperSummary> summaries = em.createQuery(
                        "select s from SummaryEntity s where s.paperId = :p", SummaryEntity.class)
                .setParameter("p", paperId).getResultList().stream()
                .sorted(Comparator.comparing((SummaryEntity s) -> s.ingestedAt).thenComparing(s -> s.summaryId))
                .map(s -> new PaperSummary(s.summaryId, s.documentId, s.documentName, s.format, s.presenter,
                        s.sourceDate, s.summary, s.sections, s.body))
                .toList();
        List<Keyword> keywords = paper.keywords.stream().map(k -> new Keyword(k.term, k.weight)).toList();
        return Optional.of(new PaperEvent(PaperEvent.SCHEMA_VERSION, paperId.toString(), paper.paperKey, paper.title,
                paper.titleJa, paper.arxivId, List.copyOf(paper.urls), List.copyOf(paper.authors), paper.kind,
                summaries, keywords, new PaperEmbedding(vector.modelId, modelVersion, vector.vector),
                paper.firstSeenAt, paper.updatedAt));
    }

    private static String firstNonBlank(String existing, String incoming) {
        return existing != null && !existing.isBlank() ? existing : incoming;
    }
}
