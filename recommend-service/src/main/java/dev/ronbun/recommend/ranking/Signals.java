package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.index.ScoredPaper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidates of one query from its two signals (vector kNN, BM25) and their combined relevance: the configured
 * {@link ScoreFusion} for hybrid ranking plus the weighted character n-gram cosine of each candidate, the signal's own
 * score otherwise; scaled to [0, 1] by min-max over the candidates, so that relevance and novelty are on one scale for
 * diversification.
 */
final class Signals {

    /** The character n-gram cosines of candidates to the query (see {@code PaperCandidates.charGramCosines}). */
    @FunctionalInterface
    interface CharGrams {
        Map<String, Double> cosines(Set<String> candidateIds);

        CharGrams NONE = ids -> Map.of();
    }

    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, Double> vector = new HashMap<>();
    private final Map<String, Double> bm25 = new HashMap<>();
    private final Map<String, Double> charGram;
    private final Map<String, Double> fused;
    private final Map<String, Double> relevance;
    private final MatchCalibration calibration;

    private Signals(List<ScoredPaper> nearest, List<ScoredPaper> byText, RankingMode mode, ScoreFusion fusion,
                    float[] comparableQuery, CharGrams charGrams, double charGramWeight) {
        List<ScoredPaper> byVector = mode.usesCharGrams()
                ? CandidateCosines.completed(nearest, byText, comparableQuery) : nearest;
        byVector.forEach(hit -> {
            vectors.put(hit.paperId(), hit.vector());
            vector.put(hit.paperId(), (double) hit.score());
        });
        byText.forEach(hit -> {
            vectors.putIfAbsent(hit.paperId(), hit.vector());
            bm25.put(hit.paperId(), (double) hit.score());
        });
        charGram = mode.usesCharGrams() && (charGramWeight > 0 || mode == RankingMode.CHARGRAM)
                ? charGrams.cosines(vectors.keySet()) : Map.of();
        fused = switch (mode) {
            case HYBRID -> withCharGrams(fusion.fuse(byVector, byText), charGramWeight);
            case CHARGRAM -> withCharGrams(nothing(vectors.keySet()), 1.0);
            case VECTOR -> byVector.isEmpty() ? ScoreFusion.bestFirst(bm25) : ScoreFusion.bestFirst(vector);
            case BM25 -> byText.isEmpty() ? ScoreFusion.bestFirst(vector) : ScoreFusion.bestFirst(bm25);
        };
        relevance = minMax(fused);
        calibration = MatchCalibration.of(fused.values());
    }

    /**
     * @param comparableQuery the (centred) query vector that every candidate's cosine is taken to in hybrid ranking
     *                        (see {@link CandidateCosines}); null when cosines to it would not compare (no vector, or
     *                        the index mixes embedding models)
     */
    static Signals of(List<ScoredPaper> byVector, List<ScoredPaper> byText, RankingMode mode, ScoreFusion fusion,
                      float[] comparableQuery) {
        return new Signals(byVector, byText, mode, fusion, comparableQuery, CharGrams.NONE, 0);
    }

    /**
     * @param charGrams      the cosines of the character n-gram signal, asked for once with every candidate
     * @param charGramWeight how much a cosine of 1 adds to a candidate's fused score
     */
    static Signals of(List<ScoredPaper> byVector, List<ScoredPaper> byText, RankingMode mode, ScoreFusion fusion,
                      float[] comparableQuery, CharGrams charGrams, double charGramWeight) {
        return new Signals(byVector, byText, mode, fusion, comparableQuery, charGrams, charGramWeight);
    }

    private static Map<String, Double> nothing(Set<String> ids) {
        Map<String, Double> scores = new HashMap<>();
        ids.forEach(id -> scores.put(id, 0.0));
        return scores;
    }

    private Map<String, Double> withCharGrams(Map<String, Double> scores, double weight) {
        if (charGram.isEmpty() || weight == 0) {
            return scores;
        }
        Map<String, Double> sum = new HashMap<>(scores);
        sum.replaceAll((id, score) -> score + weight * charGram.getOrDefault(id, 0.0));
        return ScoreFusion.bestFirst(sum);
    }

    /** Relevance in [0, 1] per paper id, best first. */
    Map<String, Double> relevance() {
        return relevance;
    }

    float[] vectorOf(String paperId) {
        return vectors.get(paperId);
    }

    double bm25(String paperId) {
        return bm25.getOrDefault(paperId, 0.0);
    }

    double vector(String paperId) {
        return vector.getOrDefault(paperId, 0.0);
    }

    double charGram(String paperId) {
        return charGram.getOrDefault(paperId, 0.0);
    }

    double fused(String paperId) {
        return fused.getOrDefault(paperId, 0.0);
    }

    /** The match a reader is shown for a candidate (see {@link MatchCalibration}), in [0, 1]. */
    double match(String paperId) {
        return calibration.match(fused(paperId));
    }

    /** Scales scores to [0, 1]; a single candidate, or all equal, count as fully relevant. */
    static Map<String, Double> minMax(Map<String, Double> scores) {
        if (scores.isEmpty()) {
            return Map.of();
        }
        double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = scores.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Map<String, Double> scaled = new LinkedHashMap<>();
        scores.forEach((id, score) -> scaled.put(id, max > min ? (score - min) / (max - min) : 1.0));
        return scaled;
    }
}
