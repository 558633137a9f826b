package dev.ronbun.embed.storage;

import dev.ronbun.contracts.events.Keyword;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A paper's term frequencies (the sum over its summaries) and the keywords ranked from them against the corpus's
 * document frequencies, written in the caller's transaction by {@link PaperStore} and {@link DocumentRetractions},
 * and ranked again on their own by the keyword refresh ({@link #rankKeywordsAgain}).
 */
@ApplicationScoped
public class PaperKeywords {

    private final EntityManager em;

    public PaperKeywords(EntityManager em) {
        this.em = em;
    }

    /**
     * Ranks a stored paper's keywords again against the corpus as it is now. Document frequencies change as papers
     * arrive, so a paper ranked early was ranked against a smaller corpus; ranking every paper again once the
     * corpus stops changing gives each the keywords the same final corpus gives it, whatever order its papers came in.
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
        List<Keyword> keywords = rank(paper, addTerms(paperId, Map.of(), false), keywordRanking);
        return !before.equals(keywords.stream().map(Keyword::term).toList());
    }

    /**
     * Sets the paper's keywords from its term frequencies and the corpus's document frequencies, which are read with
     * a query: pending writes are flushed first so that the query sees this paper's terms.
     */
    List<Keyword> rank(PaperEntity paper, Map<String, Integer> paperTerms,
                       Function<DocumentFrequencyView, List<Keyword>> keywordRanking) {
        em.flush();
        List<Keyword> keywords = keywordRanking.apply(
                new DocumentFrequencyView(em, paperTerms, paperTags(paper.paperId)));
        paper.keywords.clear();
        for (Keyword keyword : keywords) {
            paper.keywords.add(new KeywordValue(keyword.term(), keyword.weight()));
        }
        return keywords;
    }

    /**
     * A paper's term frequencies are the sum over its summaries. A summary adds its terms once, when it is first
     * stored; storing it again (a redelivery, or a vector for a new model) leaves the counts as they are.
     */
    Map<String, Integer> addTerms(UUID paperId, Map<String, Integer> summaryTerms, boolean summaryIsNew) {
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

    /** The paper's term frequencies counted again from the summaries it keeps, given who they name. */
    Map<String, Integer> recountTerms(UUID paperId, List<StoredSummary> remaining,
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

    private List<String> paperTags(UUID paperId) {
        return PaperLinks.tags(em.createQuery("select s from SummaryEntity s where s.paperId = :p", SummaryEntity.class)
                .setParameter("p", paperId).getResultList().stream()
                .sorted(Comparator.comparing((SummaryEntity s) -> s.ingestedAt).thenComparing(s -> s.summaryId))
                .map(s -> s.tags).toList());
    }
}
