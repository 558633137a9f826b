package dev.ronbun.embed.keywords;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each keyword term occurs in one paper's text, in order of first occurrence.
 *
 * @param counts term to occurrence count; every count is positive
 */
public record TermFrequencies(Map<String, Integer> counts) {

    public TermFrequencies {
        counts.forEach((term, count) -> {
            if (term == null || term.isBlank() || count == null || count < 1) {
                throw new IllegalArgumentException("Not a term frequency: " + term + "=" + count);
            }
        });
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Counts the terms of a token list, keeping the order in which they first occur. */
    public static TermFrequencies count(List<String> terms) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        terms.forEach(term -> counts.merge(term, 1, Integer::sum));
        return new TermFrequencies(counts);
    }

    /** The count of a term, 0 when the paper does not contain it. */
    public int count(String term) {
        return counts.getOrDefault(term, 0);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
