package dev.ronbun.embed.storage;

import dev.ronbun.contracts.Tags;
import dev.ronbun.embed.keywords.DocumentFrequencies;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The corpus as TF-IDF needs it: how many papers there are, how many contain each of one paper's terms and tags, and
 * that paper's term frequencies and tags. Document frequencies of the paper's terms are read in one query.
 */
public final class DocumentFrequencyView implements DocumentFrequencies {

    private final long paperCount;
    private final Map<String, Long> documentFrequencies = new HashMap<>();
    private final Map<String, Integer> paperTerms;
    private final List<String> paperTags;

    DocumentFrequencyView(EntityManager em, Map<String, Integer> paperTerms, List<String> paperTags) {
        this.paperTerms = Map.copyOf(paperTerms);
        this.paperTags = List.copyOf(paperTags);
        Set<String> looked = new HashSet<>(paperTerms.keySet());
        paperTags.forEach(tag -> looked.add(Tags.fold(tag)));
        this.paperCount = em.createQuery("select count(p) from PaperEntity p", Long.class).getSingleResult();
        if (!looked.isEmpty()) {
            List<Object[]> rows = em.createQuery("""
                            select t.id.term, count(t) from PaperTermEntity t
                            where t.id.term in :terms group by t.id.term""", Object[].class)
                    .setParameter("terms", looked)
                    .getResultList();
            rows.forEach(row -> documentFrequencies.put((String) row[0], (Long) row[1]));
        }
    }

    @Override
    public long documentCount() {
        return paperCount;
    }

    @Override
    public long documentFrequency(String term) {
        return documentFrequencies.getOrDefault(term, 0L);
    }

    public Map<String, Integer> paperTerms() {
        return paperTerms;
    }

    /** The tags the writers of the paper's summaries gave it (see {@link PaperLinks#tags}). */
    public List<String> paperTags() {
        return paperTags;
    }
}
