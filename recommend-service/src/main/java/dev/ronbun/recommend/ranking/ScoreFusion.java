package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.ScoredPaper;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How hybrid ranking combines its two signals, vector kNN and BM25, into one score per candidate. */
public sealed interface ScoreFusion permits ConvexCombination, ReciprocalRankFusion {

    /** Fused scores, best first; a paper neither signal found is absent. */
    Map<String, Double> fuse(List<ScoredPaper> byVector, List<ScoredPaper> byText);

    /** The configured fusion. */
    static ScoreFusion of(RecommendConfig.Fusion kind, double textWeight, int rrfK) {
        return switch (kind) {
            case CONVEX -> new ConvexCombination(textWeight);
            case RRF -> new ReciprocalRankFusion(rrfK);
        };
    }

    /** Scores in descending order, ties broken by id so that rankings are reproducible. */
    static Map<String, Double> bestFirst(Map<String, Double> scores) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }
}
