package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.clustering.KMeansPlusPlus;
import dev.ronbun.recommend.index.UnitVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a reading history into a few interests by k-means++ with restarts ({@link KMeansPlusPlus}) on the papers'
 * centred vectors, the restart and each interest's centre chosen by the papers' weights. The number of interests is at most {@code maxInterests} and the square root of the history;
 * within that, the one whose papers lie nearest their own interest compared with the next (the best weighted
 * simplified silhouette) is chosen, a paper alone in its interest scoring nothing. So one far-off reading does not
 * split a subject read often, nor become the interest that leads. Papers are taken in paper-id order and the seeds
 * are fixed, so a reader sees the same interests between requests whatever order the history comes in.
 */
public final class InterestClusters {

    /**
     * Fewer restarts and iterations than the topic map: a history is clustered on every request, in the model's full
     * dimension, and a few interests of a few dozen papers settle in a few iterations.
     */
    private static final int RESTARTS = 3;
    private static final int ITERATIONS = 10;

    private InterestClusters() {
    }

    /** Papers without a vector must not be passed; an empty history has no interests. */
    public static List<Interest> cluster(List<WeightedPaper> history, int maxInterests) {
        if (history.isEmpty()) {
            return List.of();
        }
        List<WeightedPaper> papers = history.stream()
                .sorted(Comparator.comparing((WeightedPaper p) -> p.paper().paperId())
                        .thenComparingDouble(WeightedPaper::weight))
                .toList();
        double[][] points = papers.stream().map(InterestClusters::point).toArray(double[][]::new);
        double[] weights = papers.stream().mapToDouble(WeightedPaper::weight).toArray();
        int largest = Math.max(1, Math.min(maxInterests, (int) Math.ceil(Math.sqrt(papers.size()))));
        KMeansPlusPlus kMeans = new KMeansPlusPlus(points, weights, ITERATIONS);
        KMeansPlusPlus.Partition best = kMeans.cluster(1, 1);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= largest; k++) {
            KMeansPlusPlus.Partition partition = kMeans.cluster(k, RESTARTS);
            if (partition.clusters() < k) {
                break;
            }
            double score = silhouette(points, weights, partition);
            if (score > bestScore + 1e-9) {
                best = partition;
                bestScore = score;
            }
        }
        return interests(papers, best);
    }

    /**
     * The weighted mean over papers of (b - a) / max(a, b): a the distance to its own centre, b to the nearest other
     * one; a paper alone in its cluster scores 0.
     */
    private static double silhouette(double[][] points, double[] weights, KMeansPlusPlus.Partition partition) {
        int[] sizes = partition.sizes();
        double sum = 0;
        double mass = 0;
        for (int i = 0; i < points.length; i++) {
            mass += weights[i];
            int own = partition.assignment()[i];
            if (sizes[own] == 1) {
                continue;
            }
            double a = Math.sqrt(KMeansPlusPlus.squareDistance(points[i], partition.centres()[own]));
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < partition.clusters(); c++) {
                if (c != own) {
                    b = Math.min(b, Math.sqrt(KMeansPlusPlus.squareDistance(points[i], partition.centres()[c])));
                }
            }
            double spread = Math.max(a, b);
            sum += spread == 0 ? 0 : weights[i] * (b - a) / spread;
        }
        return mass == 0 ? 0 : sum / mass;
    }

    private static List<Interest> interests(List<WeightedPaper> papers, KMeansPlusPlus.Partition partition) {
        List<Interest> interests = new ArrayList<>();
        for (int c = 0; c < partition.clusters(); c++) {
            List<WeightedPaper> members = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                if (partition.assignment()[i] == c) {
                    members.add(papers.get(i));
                }
            }
            members.sort(Comparator.comparingDouble(WeightedPaper::weight).reversed());
            float[] centroid = UnitVectors.weightedMean(members.stream().map(WeightedPaper::vector).toList(),
                    members.stream().map(WeightedPaper::weight).toList());
            double weight = members.stream().mapToDouble(WeightedPaper::weight).sum();
            interests.add(new Interest(centroid != null ? centroid : members.getFirst().vector(), weight, members,
                    null));
        }
        interests.sort(Comparator.comparingDouble(Interest::weight).reversed());
        return interests;
    }

    private static double[] point(WeightedPaper paper) {
        float[] vector = paper.vector();
        double[] point = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            point[d] = vector[d];
        }
        return point;
    }
}
