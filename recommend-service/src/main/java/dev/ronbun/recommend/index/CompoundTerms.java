package dev.ronbun.recommend.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query's words found inside the index's compounds: Kuromoji keeps 知識蒸留 or 潜在拡散モデル whole (the user
 * dictionary), so a search for 蒸留 or 拡散モデル would miss papers that only write the compound. The compounds join
 * the text query at half weight, below papers that use the word itself, and are marked in snippets as matches.
 */
final class CompoundTerms {

    /** Compounds taken per query word, most frequent first. */
    private static final int PER_WORD = 20;
    /** Compounds taken in all, so that a long query stays far below Lucene's limit on clauses. */
    private static final int IN_ALL = 30;
    /** A compound counts half as much as the word itself. */
    private static final float WEIGHT = 0.5f;
    /** The fields and weights of {@link PaperQueries#text}, which compounds are searched in too. */
    private static final Map<String, Float> FIELDS = Map.of(PaperDocuments.TITLE, 2f, PaperDocuments.TEXT, 1f,
            PaperDocuments.KEYWORDS, 1.5f);

    private CompoundTerms() {
    }

    /** The index's compounds holding any of these analysed query terms (the terms themselves left out). */
    static List<String> of(PaperTextSearch search, List<String> queryTerms) {
        Set<String> compounds = new LinkedHashSet<>();
        for (String term : queryTerms) {
            for (String compound : search.compoundsContaining(term, PER_WORD)) {
                if (compounds.size() < IN_ALL && !queryTerms.contains(compound)) {
                    compounds.add(compound);
                }
            }
        }
        return List.copyOf(compounds);
    }

    /** The text query widened by the compounds; the text query alone when there are none. */
    static Optional<Query> widened(Optional<Query> textQuery, List<String> compounds) {
        if (compounds.isEmpty()) {
            return textQuery;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        textQuery.ifPresent(q -> query.add(q, Occur.SHOULD));
        for (String compound : compounds) {
            for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
                query.add(new BoostQuery(new TermQuery(new Term(field.getKey(), compound)), field.getValue() * WEIGHT),
                        Occur.SHOULD);
            }
        }
        return Optional.of(query.build());
    }
}
