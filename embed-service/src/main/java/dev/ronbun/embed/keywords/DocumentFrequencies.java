package dev.ronbun.embed.keywords;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The corpus statistics TF-IDF needs: how many papers there are and how many of them contain a term. */
public interface DocumentFrequencies {

    /** How many papers the corpus holds. */
    long documentCount();

    /** How many papers contain the term at least once. */
    long documentFrequency(String term);

    /** Counts document frequencies over papers held in memory, e.g. for offline evaluation and tests. */
    static DocumentFrequencies of(Collection<TermFrequencies> papers) {
        Map<String, Long> frequencies = new HashMap<>();
        papers.forEach(paper -> paper.counts().keySet().forEach(term -> frequencies.merge(term, 1L, Long::sum)));
        long count = papers.size();
        return new DocumentFrequencies() {
            @Override
            public long documentCount() {
                return count;
            }

            @Override
            public long documentFrequency(String term) {
                return frequencies.getOrDefault(term, 0L);
            }
        };
    }
}
