package dev.ronbun.embed.storage;

import dev.ronbun.contracts.events.Keyword;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hibernate.Session;

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
        Map<String, Integer> terms = new HashMap<>();
        SortedMap<String, Integer> added = new TreeMap<>();
        if (summaryIsNew) {
            summaryTerms.forEach((term, tf) -> {
                PaperTermEntity existing = stored.get(term);
                if (existing != null) {
                    existing.tf += tf;
                } else {
                    added.put(term, tf);
                }
            });
        }
        stored.forEach((term, entity) -> terms.put(term, entity.tf));
        insertTerms(paperId, added);
        terms.putAll(added);
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
        insertTerms(paperId, new TreeMap<>(terms));
        return terms;
    }

    /**
     * Inserts a paper's new terms in one statement, so that the trigger counting document frequencies (V8) runs once
     * a summary instead of once a term, and locks their rows in term order (the map's), the same in every writer.
     */
    private void insertTerms(UUID paperId, SortedMap<String, Integer> terms) {
        if (terms.isEmpty()) {
            return;
        }
        // No flush first: a paper new in this transaction was flushed when it was created (PaperStore.joinWork), and
        // rank() flushes once, after these terms, for the ranking's queries.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into paper_terms (paper_id, term, tf)
                    select ?, t.term, t.tf from unnest(?::text[], ?::int[]) as t (term, tf)""")) {
                insert.setObject(1, paperId);
                insert.setArray(2, connection.createArrayOf("text", terms.keySet().toArray()));
                insert.setArray(3, connection.createArrayOf("int4", terms.values().toArray()));
                insert.executeUpdate();
            }
        });
    }

    private List<String> paperTags(UUID paperId) {
        return PaperLinks.tags(em.createQuery("select s from SummaryEntity s where s.paperId = :p", SummaryEntity.class)
                .setParameter("p", paperId).getResultList().stream()
                .sorted(Comparator.comparing((SummaryEntity s) -> s.ingestedAt).thenComparing(s -> s.summaryId))
                .map(s -> s.tags).toList());
    }
}
