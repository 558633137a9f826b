package dev.ronbun.tools.evaluation;

import java.util.List;
import java.util.Set;

/** The offline ranking metrics, with binary relevance. */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Relevant items among the first k, divided by k (a list shorter than k counts its missing places as misses). */
    public static double precisionAt(int k, List<String> ranked, Set<String> relevant) {
        long hits = ranked.stream().limit(k).filter(relevant::contains).count();
        return (double) hits / k;
    }

    /** 1 when any relevant item is among the first k, else 0. */
    public static double hitAt(int k, List<String> ranked, Set<String> relevant) {
        return ranked.stream().limit(k).anyMatch(relevant::contains) ? 1.0 : 0.0;
    }

    /**
     * Normalised discounted cumulative gain at k: the sum of {@code 1 / log2(rank + 1)} over relevant items in the
     * first k (rank from 1), divided by the same sum for an ideal list that puts every relevant item first.
     */
    public static double ndcgAt(int k, List<String> ranked, Set<String> relevant) {
        if (relevant.isEmpty()) {
            return 0.0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += discount(i + 1);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += discount(i + 1);
        }
        return dcg / ideal;
    }

    /** 1 / the rank of the first relevant item among the first k (rank from 1), 0 when none is there. */
    public static double reciprocalRankAt(int k, List<String> ranked, Set<String> relevant) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0.0;
    }

    public static double mean(List<Double> values) {
        return values.isEmpty() ? 0.0 : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 1) / Math.log(2));
    }
}
