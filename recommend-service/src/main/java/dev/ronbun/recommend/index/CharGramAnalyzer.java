package dev.ronbun.recommend.index;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;

/**
 * Character 1–3-grams of letters and digits, after the {@link BilingualGlossary} has put its canonical English terms
 * in place of their Japanese spellings: the view of a paper that arxiv-sanity-lite's TF-IDF recipe takes, and that
 * needs no word segmentation, so Japanese and English are cut alike. Text is width-folded and lower-cased beforehand
 * by {@link CharGramText#prepare}.
 */
final class CharGramAnalyzer extends Analyzer {

    static final int MIN_GRAM = 1;
    static final int MAX_GRAM = 3;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        NGramTokenizer tokenizer = new NGramTokenizer(MIN_GRAM, MAX_GRAM) {
            @Override
            protected boolean isTokenChar(int chr) {
                return Character.isLetterOrDigit(chr);
            }
        };
        return new TokenStreamComponents(tokenizer);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return BilingualGlossary.canonical(reader);
    }
}
