package dev.ronbun.embed.storage;

import dev.ronbun.contracts.Tags;
import dev.ronbun.embed.keywords.DocumentFrequencies;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * The corpus as TF-IDF needs it: how many papers there are, how many contain each of one paper's terms and tags, and
 * that paper's term frequencies and tags. Both counts are read from what the database keeps beside the rows (V8, V9),
 * so a summary's keywords cost the same whatever the size of the corpus.
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
        this.paperCount = PaperCount.read(em);
        if (!looked.isEmpty()) {
            // Kept by triggers on paper_terms (V8). One index lookup a term, whatever the size of the corpus: written
            // as a subquery a term because with "term = any(?)" the planner scans the whole table while it is small.
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement select = connection.prepareStatement("""
                        select t.term, (select f.papers from term_document_frequencies f where f.term = t.term)
                        from unnest(?::text[]) as t (term)""")) {
                    select.setArray(1, connection.createArrayOf("text", looked.toArray()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            documentFrequencies.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                }
            });
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
