package dev.ronbun.embed.keywords;

import dev.ronbun.contracts.Tags;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.text.KeywordFilter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks a paper's terms by TF-IDF against the corpus and keeps the best as its keywords. The weight is
 * {@code (1 + ln tf) * (1 + ln((1 + N) / (1 + df)))}: log tf so that a term repeated thirty times does not
 * outweigh everything else, and smoothed idf so that a term no other paper has yet (df = 0) stays finite and a
 * term in every paper keeps a small positive weight. Whether N and df count the paper itself is up to the caller.
 *
 * <p>What a person would pick: only terms {@link KeywordFilter} accepts (a term stored before the stop list grew is
 * passed over); an English phrase only when the paper uses it at least twice; the tags the writers gave the paper
 * join with {@value #TAG_BOOST} times their weight; and a word is left out once a better-ranked keyword holds it
 * (distillation after knowledge distillation, 蒸留 after 知識蒸留).
 */
public final class TfIdfRanker {

    /** The writer's own tags are the keywords a person picked: they weigh this much more than the text alone. */
    static final double TAG_BOOST = 2.0;

    private static final int PHRASE_MIN_COUNT = 2;

    private static final Comparator<Keyword> BEST_FIRST =
            Comparator.comparingDouble(Keyword::weight).reversed().thenComparing(Keyword::term);

    /** The paper's {@code limit} highest-weighted terms, best first; ties go to the alphabetically first term. */
    public List<Keyword> topKeywords(TermFrequencies paper, DocumentFrequencies corpus, int limit) {
        return topKeywords(paper, corpus, limit, List.of());
    }

    /** As {@link #topKeywords(TermFrequencies, DocumentFrequencies, int)}, with the paper's tags joining boosted. */
    public List<Keyword> topKeywords(TermFrequencies paper, DocumentFrequencies corpus, int limit,
                                     Collection<String> tags) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        long documentCount = Math.max(0, corpus.documentCount());
        Map<String, Double> weights = new HashMap<>();
        paper.counts().forEach((term, count) -> {
            if (KeywordFilter.accepts(term) && (term.indexOf(' ') < 0 || count >= PHRASE_MIN_COUNT)) {
                weights.put(term, weight(count, corpus.documentFrequency(term), documentCount));
            }
        });
        for (String tag : tags) {
            String term = tag == null ? "" : Tags.fold(tag);
            if (KeywordFilter.accepts(term)) {
                double boosted = TAG_BOOST * weight(Math.max(1, paper.count(term)),
                        corpus.documentFrequency(term), documentCount);
                weights.merge(term, boosted, Math::max);
            }
        }
        List<Keyword> ranked = weights.entrySet().stream()
                .map(term -> new Keyword(term.getKey(), term.getValue()))
                .sorted(BEST_FIRST)
                .toList();
        List<Keyword> kept = new ArrayList<>();
        for (Keyword keyword : ranked) {
            if (kept.size() >= limit) {
                break;
            }
            if (kept.stream().noneMatch(better -> holds(better.term(), keyword.term()))) {
                kept.add(keyword);
            }
        }
        return List.copyOf(kept);
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

    /** A Latin phrase holds its words; a Japanese compound holds the shorter terms written inside it. */
    private static boolean holds(String better, String term) {
        if (better.equals(term) || better.length() <= term.length()) {
            return false;
        }
        if (term.codePoints().allMatch(cp -> cp < 0x80)) {
            return List.of(better.split(" ")).contains(term); // mamba stays beside mamba-based
        }
        return better.contains(term);
    }
}
