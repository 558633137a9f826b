package dev.ronbun.embed.keywords;

import dev.ronbun.contracts.events.Keyword;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a paper's terms by TF-IDF against the corpus and keeps the best as its keywords. The weight is
 * {@code (1 + ln tf) * (1 + ln((1 + N) / (1 + df)))}: log tf so that a term repeated thirty times does not
 * outweigh everything else, and smoothed idf so that a term no other paper has yet (df = 0) stays finite and a
 * term in every paper keeps a small positive weight. Whether N and df count the paper itself is up to the caller.
 */
public final class TfIdfRanker {

    private static final Comparator<Keyword> BEST_FIRST =
            Comparator.comparingDouble(Keyword::weight).reversed().thenComparing(Keyword::term);

    /** The paper's {@code limit} highest-weighted terms, best first; ties go to the alphabetically first term. */
    public List<Keyword> topKeywords(TermFrequencies paper, DocumentFrequencies corpus, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        long documentCount = Math.max(0, corpus.documentCount());
        return paper.counts().entrySet().stream()
                .map(term -> new Keyword(term.getKey(), weight(term.getValue(),
                        corpus.documentFrequency(term.getKey()), documentCount)))
                .sorted(BEST_FIRST)
                .limit(limit)
                .toList();
    }

    /**
     * The TF-IDF weight of a term seen {@code termFrequency} times in a paper and contained in
     * {@code documentFrequency} of the corpus's {@code documentCount} papers.
     */
    public static double weight(int termFrequency, long documentFrequency, long documentCount) {
        long df = Math.min(Math.max(0, documentFrequency), documentCount);
        double tf = 1 + Math.log(termFrequency);
        double idf = 1 + Math.log((1.0 + documentCount) / (1.0 + df));
        return tf * idf;
    }
}
