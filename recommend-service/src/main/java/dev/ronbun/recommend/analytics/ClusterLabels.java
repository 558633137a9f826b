package dev.ronbun.recommend.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster labels by class-based TF-IDF (Grootendorst, BERTopic): each cluster is one document of its papers'
 * keywords, and a keyword weighs its share of the cluster's keywords times {@code log(1 + A / f)}, A the mean number
 * of keywords per cluster and f the keyword's count over all papers. A keyword every cluster has (モデル, 学習) weighs
 * little however often it occurs; one that marks the cluster wins. Keywords shared by at least two of the cluster's
 * papers come first, so one paper's peculiar word does not name a cluster of many.
 */
final class ClusterLabels {

    private ClusterLabels() {
    }

    /**
     * Each cluster's most distinctive keywords, best first.
     *
     * @param terms      each paper's keywords, each once
     * @param assignment each paper's cluster, or {@link VectorClusters#NOISE}: noise papers count towards how common a
     *                   keyword is, but name nothing
     */
    static List<List<String>> distinctiveKeywords(List<List<String>> terms, int[] assignment, int clusters, int limit) {
        List<Map<String, Integer>> counts = new ArrayList<>(clusters + 1);
        for (int c = 0; c <= clusters; c++) {
            counts.add(new HashMap<>());
        }
        int[] papers = new int[clusters + 1];
        Map<String, Integer> overall = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            int slot = assignment[i] == VectorClusters.NOISE ? clusters : assignment[i];
            papers[slot]++;
            for (String term : terms.get(i)) {
                counts.get(slot).merge(term, 1, Integer::sum);
                overall.merge(term, 1, Integer::sum);
            }
        }
        int classes = 0;
        long keywords = 0;
        for (int c = 0; c <= clusters; c++) {
            int total = counts.get(c).values().stream().mapToInt(Integer::intValue).sum();
            if (total > 0) {
                classes++;
                keywords += total;
            }
        }
        double average = classes == 0 ? 0 : (double) keywords / classes;
        List<List<String>> labels = new ArrayList<>(clusters);
        for (int c = 0; c < clusters; c++) {
            Map<String, Integer> cluster = counts.get(c);
            int total = cluster.values().stream().mapToInt(Integer::intValue).sum();
            boolean small = papers[c] < 4;
            Map<String, Double> score = new HashMap<>();
            cluster.forEach((term, count) ->
                    score.put(term, (double) count / total * Math.log(1 + average / overall.get(term))));
            labels.add(cluster.keySet().stream()
                    .sorted(Comparator.<String>comparingInt(term -> small || cluster.get(term) >= 2 ? 0 : 1)
                            .thenComparingDouble(term -> -score.get(term))
                            .thenComparingInt(term -> -cluster.get(term))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(limit)
                    .toList());
        }
        return labels;
    }
}
