package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.text.JapaneseAnalyzers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * The read side of the {@link PaperIndex} for free-text search: a query's analysed terms, the index's compounds that
 * hold them, every paper the words match (BM25), terms spelt like a word for "did you mean", and marked passages.
 */
@ApplicationScoped
public class PaperTextSearch {

    private final PaperIndex index;

    public PaperTextSearch(PaperIndex index) {
        this.index = index;
    }

    /** The analysed terms of a text, as the index spells them. */
    public List<String> terms(String text) {
        return JapaneseAnalyzers.tokens(index.queryAnalyzer(), text);
    }

    /** The index's compounds holding any of these analysed query terms (see {@link CompoundTerms}). */
    public List<String> compoundsOf(List<String> queryTerms) {
        return CompoundTerms.of(this, queryTerms);
    }

    /**
     * The best papers (at most {@code max}) the filter lets through for a free-text query by BM25 over title, text
     * and keywords, the compounds holding its words at half weight (see {@link CompoundTerms}); none when the query
     * has no searchable term.
     */
    public List<ScoredPaper> matches(String text, List<String> compounds, PaperFilter filter, int max) {
        Query restriction = filter.toQuery();
        return CompoundTerms.widened(PaperQueries.text(index.queryAnalyzer(), text), compounds)
                .map(query -> index.withSearcher(searcher -> IndexHits.bestScored(searcher,
                        PaperQueries.scoredWithin(query, restriction), max, null, Set.of())))
                .orElse(List.of());
    }

    /** The marked passages of a paper for these analysed terms (see {@link SearchSnippets}), of about this length. */
    public List<Snippet> snippets(PaperEvent paper, Collection<String> terms, int length) {
        return new SearchSnippets(index.queryAnalyzer(), length).of(paper, terms);
    }

    /**
     * Indexed terms of the text that contain a Japanese or Chinese word inside a longer compound (知識蒸留 for 蒸留):
     * the user dictionary keeps ML compounds whole, so a query for their part would otherwise not find them. Most
     * frequent first, at most {@code max}; none for a word without kanji or katakana, or of one character (a Latin
     * word inside others is rarely the same concept: rag in storage).
     */
    public List<String> compoundsContaining(String word, int max) {
        if (word.codePointCount(0, word.length()) < 2
                || word.codePoints().noneMatch(PaperTextSearch::isKanjiOrKatakana)) {
            return List.of();
        }
        // built from the word's characters, so that a * or ? in it is a character, not a wildcard
        CompiledAutomaton containing = new CompiledAutomaton(Operations.determinize(Operations.concatenate(List.of(
                Automata.makeAnyString(), Automata.makeString(word), Automata.makeAnyString())),
                Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));
        return index.withSearcher(searcher -> {
            Map<String, Integer> found = new HashMap<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PaperDocuments.TEXT);
            if (terms != null) {
                TermsEnum matching = containing.getTermsEnum(terms);
                for (BytesRef term = matching.next(); term != null; term = matching.next()) {
                    String text = term.utf8ToString();
                    if (!text.equals(word)) {
                        found.put(text, matching.docFreq());
                    }
                }
            }
            return found.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(max).map(Map.Entry::getKey).toList();
        });
    }

    private static boolean isKanjiOrKatakana(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.KATAKANA;
    }

    /**
     * Terms of the indexed text nearest to a word in spelling (Lucene's {@link DirectSpellChecker}: at most two edits,
     * more frequent terms first), for "did you mean" when a query matched nothing; only terms at least as frequent as
     * the word itself.
     */
    public List<String> similarTerms(String word, int n) {
        return index.withSearcher(searcher -> Arrays.stream(new DirectSpellChecker().suggestSimilar(
                        new Term(PaperDocuments.TEXT, word), n, searcher.getIndexReader(),
                        SuggestMode.SUGGEST_MORE_POPULAR))
                .map(suggestion -> suggestion.string).toList());
    }
}
