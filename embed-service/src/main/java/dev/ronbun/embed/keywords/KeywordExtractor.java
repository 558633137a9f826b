package dev.ronbun.embed.keywords;

import dev.ronbun.text.JapaneseAnalyzers;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a paper's text into the term frequencies its keywords are ranked from. The terms are the keyword view of
 * the shared Kuromoji analysis ({@link JapaneseAnalyzers#keywordTokens(String)}): nouns, compound nouns, whole
 * Latin names and English phrases, spelled as the BM25 index spells them. The people a summary names (authors,
 * presenter) are no keywords: their names and the words of their names are left out.
 */
public final class KeywordExtractor {

    /** The term frequencies of a text; empty for a null or blank text. */
    public TermFrequencies termFrequencies(String text) {
        return termFrequencies(text, List.of());
    }

    /** The term frequencies of a text, without the names of the given people (Jared Kaplan: jared, kaplan). */
    public TermFrequencies termFrequencies(String text, Collection<String> people) {
        Set<String> names = new HashSet<>();
        for (String person : people) {
            if (person == null || person.isBlank()) {
                continue;
            }
            String name = person.strip().toLowerCase(Locale.ROOT);
            names.add(name);
            for (String word : name.split("[\\s.,、・()（）]+")) {
                if (word.codePointCount(0, word.length()) >= 2) {
                    names.add(word);
                }
            }
        }
        List<String> terms = JapaneseAnalyzers.keywordTokens(text);
        return TermFrequencies.count(names.isEmpty() ? terms : terms.stream().filter(t -> !names.contains(t)).toList());
    }
}
