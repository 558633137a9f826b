package dev.ronbun.recommend.search;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperQueries;
import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.ranking.CandidateCosines;
import dev.ronbun.recommend.ranking.DistinctWorks;
import dev.ronbun.recommend.ranking.Explanations;
import dev.ronbun.recommend.ranking.QueryVector;
import dev.ronbun.recommend.ranking.QueryVectors;
import dev.ronbun.recommend.ranking.RankingSettings;
import dev.ronbun.recommend.ranking.Recommendation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.Query;

/**
 * Search in Japanese or English: BM25 over the Kuromoji-analysed fields, fused by the configured score fusion with
 * kNN on the query's vector from embed-service (every candidate with its cosine, see {@link CandidateCosines}), one
 * result per work (see {@link DistinctWorks}). Without embed-service (or with a model other than the index's), BM25
 * alone ranks, and the results say so.
 */
@ApplicationScoped
public class HybridSearch {

    private final PaperIndex index;
    private final QueryVectors queryVectors;
    private final RankingSettings settings;

    public HybridSearch(PaperIndex index, QueryVectors queryVectors, RankingSettings settings) {
        this.index = index;
        this.queryVectors = queryVectors;
        this.settings = settings;
    }

    public SearchResults search(String text, PaperFilter filter, int page, int size) {
        int wanted = Math.max(settings.candidates(), (page + 1) * size);
        Query restriction = filter.toQuery();
        List<ScoredPaper> byText = index.textQuery(text)
                .map(query -> index.search(PaperQueries.scoredWithin(query, restriction), wanted))
                .orElse(List.of());

        VectorSignal vectorSignal = vectorSignal(text, filter.isEmpty() ? null : restriction, wanted);
        List<ScoredPaper> byVector = CandidateCosines.completed(vectorSignal.hits(), byText,
                vectorSignal.comparableQuery());
        List<String> signals = vectorSignal.notice() == null ? List.of("bm25", "vector") : List.of("bm25");

        Map<String, Double> bm25 = new HashMap<>();
        Map<String, Double> cosine = new HashMap<>();
        byText.forEach(hit -> bm25.put(hit.paperId(), (double) hit.score()));
        byVector.forEach(hit -> cosine.put(hit.paperId(), (double) hit.score()));
        Map<String, Double> fused = settings.fusion().fuse(byVector, byText);

        List<PaperEvent> papers = DistinctWorks.page(List.copyOf(fused.keySet()), index::listings, page, size);
        Set<String> queryTerms = new LinkedHashSet<>(index.terms(text));
        List<Recommendation> items = papers.stream()
                .map(paper -> {
                    String id = paper.paperId();
                    Map<String, Double> parts = new LinkedHashMap<>();
                    parts.put("bm25", bm25.getOrDefault(id, 0.0));
                    parts.put("vector", cosine.getOrDefault(id, 0.0));
                    parts.put("fused", fused.get(id));
                    return new Recommendation(paper, fused.get(id), parts, why(paper, queryTerms, bm25.containsKey(id)));
                })
                .toList();
        return new SearchResults(items, signals, vectorSignal.notice(), fused.size());
    }

    /**
     * The kNN hits of the query's vector, or none and the reason why.
     *
     * @param comparableQuery the query vector when every indexed paper has one of its model, so that any candidate's
     *                        cosine to it means something; null otherwise
     */
    private record VectorSignal(List<ScoredPaper> hits, String notice, float[] comparableQuery) {

        static VectorSignal without(String notice) {
            return new VectorSignal(List.of(), notice, null);
        }
    }

    private VectorSignal vectorSignal(String text, Query restriction, int wanted) {
        Optional<QueryVector> queryVector = queryVectors.embed(text);
        if (queryVector.isEmpty()) {
            return VectorSignal.without("embed-service is unreachable; ranked by BM25 only");
        }
        Optional<String> model = index.currentModel();
        if (model.isEmpty()) {
            return VectorSignal.without("the index holds no vectors yet; ranked by BM25 only");
        }
        if (!model.get().equals(queryVector.get().modelVersion())) {
            return VectorSignal.without("embed-service's model " + queryVector.get().modelVersion()
                    + " is not the index's " + model.get() + "; ranked by BM25 only");
        }
        float[] vector = queryVector.get().vector();
        float[] centred = index.centre().centred(vector);
        Optional<Query> sameModel = index.modelRestriction(model.get());
        Query filter = PaperQueries.both(restriction, sameModel.orElse(null));
        return new VectorSignal(index.nearest(centred, wanted, filter, Set.of()), null,
                sameModel.isEmpty() ? centred : null);
    }

    private String why(PaperEvent paper, Set<String> queryTerms, boolean foundByText) {
        if (!foundByText) {
            return Explanations.semanticMatch();
        }
        String shown = Stream.concat(
                        Stream.of(paper.title(), paper.titleJa()),
                        Stream.concat(paper.keywords().stream().map(Keyword::term),
                                paper.summaries().stream().map(PaperSummary::summary)))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        Set<String> paperTerms = new LinkedHashSet<>(index.terms(shown));
        List<String> matched = queryTerms.stream().filter(paperTerms::contains).toList();
        return matched.isEmpty() ? Explanations.matched(List.copyOf(queryTerms)) : Explanations.matched(matched);
    }
}
