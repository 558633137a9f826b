package dev.ronbun.embed.keywords;

import dev.ronbun.text.JapaneseAnalyzers;

/**
 * Turns a paper's text into the term frequencies its keywords are ranked from. The terms are the keyword view of
 * the shared Kuromoji analysis ({@link JapaneseAnalyzers#keywordTokens(String)}): nouns and compound nouns, spelled
 * as the BM25 index spells them.
 */
public final class KeywordExtractor {

    /** The term frequencies of a text; empty for a null or blank text. */
    public TermFrequencies termFrequencies(String text) {
        return TermFrequencies.count(JapaneseAnalyzers.keywordTokens(text));
    }
}
