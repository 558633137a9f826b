package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.index.ScoredPaper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Convex combination of the signals' own scores (Bruch et al., "An Analysis of Fusion Functions for Hybrid
 * Retrieval", 2023): the cosine as it is (already on a fixed scale) plus {@code textWeight} times the BM25 score
 * divided by the best BM25 score of the query, so both lie in [0, 1] for relevant candidates. Unlike
 * reciprocal-rank fusion it keeps how far apart candidates are, not only their order; on our labelled set it beats
 * both single signals where rank fusion does not beat BM25 (see docs/benchmarks.md). A candidate one signal did not
 * find gets nothing from it.
 *
 * @param textWeight weight of the scaled BM25 score against the cosine; 1 weighs them equally
 */
public record ConvexCombination(double textWeight) implements ScoreFusion {

    @Override
    public Map<String, Double> fuse(List<ScoredPaper> byVector, List<ScoredPaper> byText) {
        Map<String, Double> scores = new HashMap<>();
        byVector.forEach(hit -> scores.put(hit.paperId(), (double) hit.score()));
        double best = byText.stream().mapToDouble(ScoredPaper::score).max().orElse(0);
        if (best > 0) {
            byText.forEach(hit -> scores.merge(hit.paperId(), textWeight * hit.score() / best, Double::sum));
        } else {
            byText.forEach(hit -> scores.putIfAbsent(hit.paperId(), 0.0));
        }
        return ScoreFusion.bestFirst(scores);
    }
}
