package dev.ronbun.recommend.search;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperSet;
import dev.ronbun.recommend.index.PaperTextSearch;
import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.index.VectorQuery;
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

/**
 * Search in Japanese or English: BM25 over the Kuromoji-analysed fields, fused by the configured score fusion with
 * kNN on the query's vector from embed-service (every candidate with its cosine, see {@link CandidateCosines}), one
 * result per work (see {@link DistinctWorks}). Without embed-service (or with a model other than the index's), BM25
 * alone ranks, and the results say so.
 *
 * <p>Only matches are returned: a paper with at least one of the query's terms, or one the query's vector alone
 * finds above the {@link RelevanceCutOff}. A query that matches nothing returns nothing, with a notice and the
 * index's terms nearest to its words. The total counts every match (each work once), so pages add up to it; each
 * result carries its passages with the query's terms marked ({@link PaperTextSearch#snippets}).
 */
@ApplicationScoped
public class HybridSearch {

    /** Words nearest in spelling offered when nothing matched, per query word. */
    private static final int DID_YOU_MEAN = 3;
    /** Query words looked up for them, and words offered in all: a long query gets a short list. */
    private static final int DID_YOU_MEAN_WORDS = 5;
    private static final int DID_YOU_MEAN_IN_ALL = 6;

    private final PaperTextSearch text;
    private final PaperCandidates candidates;
    private final PaperIndexReader index;
    private final QueryVectors queryVectors;
    private final RankingSettings settings;
    private final RelevanceCutOff cutOff;
    private final int maxMatches;
    private final int snippetLength;

    public HybridSearch(PaperTextSearch text, PaperCandidates candidates, PaperIndexReader index,
                        QueryVectors queryVectors, RankingSettings settings, RecommendConfig config) {
        this.text = text;
        this.candidates = candidates;
        this.index = index;
        this.queryVectors = queryVectors;
        this.settings = settings;
        this.cutOff = RelevanceCutOff.from(config.search());
        this.maxMatches = config.search().maxMatches();
        this.snippetLength = config.search().snippetLength();
    }

    public SearchResults search(String text, PaperFilter filter, int page, int size) {
        int wanted = Math.max(settings.candidates(), (page + 1) * size);
        Set<String> termSet = new LinkedHashSet<>(this.text.terms(text));
        List<String> compounds = this.text.compoundsOf(List.copyOf(termSet));
        // every text match, so that the total is exact: BM25 finds only papers with one of the query's terms
        List<ScoredPaper> byText = this.text.matches(text, compounds, filter, maxMatches);

        VectorSignal vectorSignal = vectorSignal(text, filter.isEmpty() ? null : filter.papers(),
                Math.min(wanted, maxMatches));
        List<ScoredPaper> byVector = CandidateCosines.completed(vectorSignal.hits(), byText,
                vectorSignal.comparableQuery());
        List<String> signals = vectorSignal.notice() == null ? List.of("bm25", "vector") : List.of("bm25");

        Map<String, Double> bm25 = new HashMap<>();
        Map<String, Double> cosine = new HashMap<>();
        byText.forEach(hit -> bm25.put(hit.paperId(), (double) hit.score()));
        byVector.forEach(hit -> cosine.put(hit.paperId(), (double) hit.score()));
        Map<String, Double> fused = settings.fusion().fuse(byVector, byText);

        List<String> ranked = List.copyOf(fused.keySet());
        List<PaperEvent> works = ranked.isEmpty() ? List.of()
                : DistinctWorks.page(ranked, index::listings, 0, ranked.size());
        if (works.isEmpty()) {
            return new SearchResults(List.of(), signals, vectorSignal.notice(), 0, noMatch(text));
        }
        List<PaperEvent> shown = works.subList(Math.min(works.size(), page * size),
                Math.min(works.size(), (page + 1) * size));
        List<String> queryTerms = Stream.concat(termSet.stream(), compounds.stream()).toList();
        Map<String, PaperEvent> whole = index.getAll(shown.stream().map(PaperEvent::paperId).toList());
        List<SearchResults.Found> items = shown.stream()
                .map(paper -> {
                    String id = paper.paperId();
                    Map<String, Double> parts = new LinkedHashMap<>();
                    parts.put("bm25", bm25.getOrDefault(id, 0.0));
                    parts.put("vector", cosine.getOrDefault(id, 0.0));
                    parts.put("fused", fused.get(id));
                    Recommendation recommendation = new Recommendation(paper, fused.get(id), parts,
                            why(paper, termSet, bm25.containsKey(id)));
                    return new SearchResults.Found(recommendation,
                            this.text.snippets(whole.getOrDefault(id, paper), queryTerms, snippetLength));
                })
                .toList();
        return new SearchResults(items, signals, vectorSignal.notice(), works.size(), null);
    }

    /** The notice for a query that matched nothing, with the index's terms nearest to its words. */
    private NoMatch noMatch(String text) {
        Set<String> nearest = new LinkedHashSet<>();
        new LinkedHashSet<>(this.text.terms(text)).stream().limit(DID_YOU_MEAN_WORDS)
                .forEach(term -> nearest.addAll(this.text.similarTerms(term, DID_YOU_MEAN)));
        return NoMatch.forQuery(text, nearest.stream().limit(DID_YOU_MEAN_IN_ALL).toList());
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

    private VectorSignal vectorSignal(String text, PaperSet restriction, int wanted) {
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
        VectorQuery query = candidates.vectorQuery(queryVector.get().vector(), model.get(), restriction);
        return new VectorSignal(matchesByVector(query, wanted), null, query.oneModel() ? query.centred() : null);
    }

    /**
     * The kNN hits above the cut-off: while every hit of a search passes, the next search looks four times as deep
     * (up to the most matches), so that the total counts every paper the vector finds, not the first page's depth.
     */
    private List<ScoredPaper> matchesByVector(VectorQuery query, int wanted) {
        int depth = Math.max(1, wanted);
        while (true) {
            List<ScoredPaper> nearest = candidates.nearest(query.centred(), depth, query.papers(), Set.of());
            List<ScoredPaper> passing = cutOff.passing(nearest, query.centredSpace());
            if (passing.size() < nearest.size() || nearest.size() < depth || depth >= maxMatches) {
                return passing;
            }
            depth = Math.min(maxMatches, depth * 4);
        }
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
        Set<String> paperTerms = new LinkedHashSet<>(text.terms(shown));
        List<String> matched = queryTerms.stream().filter(paperTerms::contains).toList();
        return matched.isEmpty() ? Explanations.matched(List.copyOf(queryTerms)) : Explanations.matched(matched);
    }
}
