package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.index.UnitVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a reading history into a few interests by weighted spherical k-means on the papers' vectors: k grows with
 * the square root of the history (at most {@code maxInterests}), seeds are the heaviest paper and then, greedily, the
 * paper farthest from the seeds so far (weighted), and a few Lloyd iterations settle the clusters. Deterministic, so
 * a reader sees stable interests between requests.
 */
public final class InterestClusters {

    private static final int ITERATIONS = 10;

    private InterestClusters() {
    }

    /** Papers without a vector must not be passed; an empty history has no interests. */
    public static List<Interest> cluster(List<WeightedPaper> papers, int maxInterests) {
        if (papers.isEmpty()) {
            return List.of();
        }
        int k = Math.max(1, Math.min(maxInterests, (int) Math.ceil(Math.sqrt(papers.size()))));
        List<float[]> centroids = seeds(papers, k);
        int[] assignment = new int[papers.size()];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean changed = assign(papers, centroids, assignment) || iteration == 0;
            centroids = recentre(papers, centroids, assignment);
            if (!changed) {
                break;
            }
        }
        assign(papers, centroids, assignment);
        List<Interest> interests = new ArrayList<>();
        for (int c = 0; c < centroids.size(); c++) {
            List<WeightedPaper> members = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                if (assignment[i] == c) {
                    members.add(papers.get(i));
                }
            }
            if (!members.isEmpty()) {
                members.sort(Comparator.comparingDouble(WeightedPaper::weight).reversed());
                double weight = members.stream().mapToDouble(WeightedPaper::weight).sum();
                interests.add(new Interest(centroids.get(c), weight, members, null));
            }
        }
        interests.sort(Comparator.comparingDouble(Interest::weight).reversed());
        return interests;
    }

    private static List<float[]> seeds(List<WeightedPaper> papers, int k) {
        List<float[]> seeds = new ArrayList<>();
        WeightedPaper heaviest = papers.stream().max(Comparator.comparingDouble(WeightedPaper::weight)).orElseThrow();
        seeds.add(vector(heaviest));
        while (seeds.size() < k) {
            WeightedPaper farthest = null;
            double best = 1e-6;
            for (WeightedPaper paper : papers) {
                double distance = paper.weight() * (1 - UnitVectors.maxSimilarity(vector(paper), seeds));
                if (distance > best) {
                    best = distance;
                    farthest = paper;
                }
            }
            if (farthest == null) {
                break; // every paper coincides with a seed: fewer interests than asked
            }
            seeds.add(vector(farthest));
        }
        return seeds;
    }

    private static boolean assign(List<WeightedPaper> papers, List<float[]> centroids, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < papers.size(); i++) {
            float[] vector = vector(papers.get(i));
            int best = 0;
            float bestSimilarity = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < centroids.size(); c++) {
                float similarity = UnitVectors.similarity(vector, centroids.get(c));
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = c;
                }
            }
            changed |= assignment[i] != best;
            assignment[i] = best;
        }
        return changed;
    }

    private static List<float[]> recentre(List<WeightedPaper> papers, List<float[]> centroids, int[] assignment) {
        List<float[]> next = new ArrayList<>();
        for (int c = 0; c < centroids.size(); c++) {
            List<float[]> vectors = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int i = 0; i < papers.size(); i++) {
                if (assignment[i] == c) {
                    vectors.add(vector(papers.get(i)));
                    weights.add(papers.get(i).weight());
                }
            }
            float[] mean = UnitVectors.weightedMean(vectors, weights);
            next.add(mean == null ? centroids.get(c) : mean);
        }
        return next;
    }

    private static float[] vector(WeightedPaper paper) {
        return paper.vector();
    }
}
