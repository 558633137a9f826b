package dev.ronbun.recommend.analytics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;

/**
 * k-means clustering of the paper vectors for the topic map. Deterministic: the first centre is the vector nearest
 * the mean, each next one the vector farthest from the centres so far (ties to the lower index), then Lloyd's
 * iterations until no vector changes cluster. Clusters are numbered by size, largest first. When the number of
 * clusters is not given, the one with the best (simplified) silhouette is chosen.
 */
final class VectorClusters {

    private static final int MAX_ITERATIONS = 100;

    private VectorClusters() {
    }

    /** Which cluster each vector is in, and how many clusters there are (fewer than asked when vectors coincide). */
    record Clustering(int[] assignment, int clusters) {
    }

    /**
     * k-means for each k from 2 to {@code maxClusters} (and below the number of vectors), keeping the clustering
     * whose vectors lie nearest their own centre compared with the next nearest: the highest mean simplified
     * silhouette. The smaller k wins a tie.
     */
    static Clustering bestKMeans(float[][] vectors, int maxClusters) {
        int largest = Math.min(maxClusters, vectors.length - 1);
        Clustering best = kMeans(vectors, 1);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= largest; k++) {
            Clustering clustering = kMeans(vectors, k);
            if (clustering.clusters() < k) {
                break;
            }
            double score = simplifiedSilhouette(vectors, clustering);
            if (score > bestScore + 1e-9) {
                best = clustering;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The mean over vectors of (b - a) / max(a, b): a the distance to its own centre, b to the nearest other one. A
     * vector alone in its cluster scores 0, as in the silhouette proper, so that splitting off single papers does not
     * look like a good clustering.
     */
    static double simplifiedSilhouette(float[][] vectors, Clustering clustering) {
        float[][] centres = new float[clustering.clusters()][vectors[0].length];
        recentre(vectors, clustering.assignment(), centres);
        int[] sizes = new int[clustering.clusters()];
        for (int cluster : clustering.assignment()) {
            sizes[cluster]++;
        }
        double sum = 0;
        for (int i = 0; i < vectors.length; i++) {
            int own = clustering.assignment()[i];
            if (sizes[own] == 1) {
                continue;
            }
            double a = Math.sqrt(VectorUtil.squareDistance(vectors[i], centres[own]));
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                if (c != own) {
                    b = Math.min(b, Math.sqrt(VectorUtil.squareDistance(vectors[i], centres[c])));
                }
            }
            double spread = Math.max(a, b);
            sum += spread == 0 ? 0 : (b - a) / spread;
        }
        return sum / vectors.length;
    }

    static Clustering kMeans(float[][] vectors, int wanted) {
        int n = vectors.length;
        if (n == 0) {
            return new Clustering(new int[0], 0);
        }
        float[][] centres = initialCentres(vectors, Math.max(1, Math.min(wanted, n)));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(vectors[i], centres);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            recentre(vectors, assignment, centres);
        }
        return numberedBySize(assignment, centres.length);
    }

    private static float[][] initialCentres(float[][] vectors, int k) {
        int dimension = vectors[0].length;
        float[] mean = new float[dimension];
        for (float[] v : vectors) {
            for (int j = 0; j < dimension; j++) {
                mean[j] += v[j] / vectors.length;
            }
        }
        int[] chosen = new int[k];
        chosen[0] = nearest(mean, vectors);
        float[] distance = new float[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            distance[i] = VectorUtil.squareDistance(vectors[i], vectors[chosen[0]]);
        }
        int count = 1;
        while (count < k) {
            int farthest = 0;
            for (int i = 1; i < vectors.length; i++) {
                if (distance[i] > distance[farthest]) {
                    farthest = i;
                }
            }
            if (distance[farthest] == 0f) {
                break;
            }
            chosen[count++] = farthest;
            for (int i = 0; i < vectors.length; i++) {
                distance[i] = Math.min(distance[i], VectorUtil.squareDistance(vectors[i], vectors[farthest]));
            }
        }
        float[][] centres = new float[count][];
        for (int c = 0; c < count; c++) {
            centres[c] = vectors[chosen[c]].clone();
        }
        return centres;
    }

    private static int nearest(float[] vector, float[][] candidates) {
        int best = 0;
        float bestDistance = VectorUtil.squareDistance(vector, candidates[0]);
        for (int c = 1; c < candidates.length; c++) {
            float d = VectorUtil.squareDistance(vector, candidates[c]);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Moves each centre to the mean of its vectors; a centre left without vectors stays where it was. */
    private static void recentre(float[][] vectors, int[] assignment, float[][] centres) {
        int dimension = vectors[0].length;
        float[][] sums = new float[centres.length][dimension];
        int[] sizes = new int[centres.length];
        for (int i = 0; i < vectors.length; i++) {
            sizes[assignment[i]]++;
            for (int j = 0; j < dimension; j++) {
                sums[assignment[i]][j] += vectors[i][j];
            }
        }
        for (int c = 0; c < centres.length; c++) {
            if (sizes[c] > 0) {
                for (int j = 0; j < dimension; j++) {
                    centres[c][j] = sums[c][j] / sizes[c];
                }
            }
        }
    }

    private static Clustering numberedBySize(int[] assignment, int k) {
        int[] sizes = new int[k];
        int[] firstMember = new int[k];
        Arrays.fill(firstMember, Integer.MAX_VALUE);
        for (int i = 0; i < assignment.length; i++) {
            sizes[assignment[i]]++;
            firstMember[assignment[i]] = Math.min(firstMember[assignment[i]], i);
        }
        int[] order = IntStream.range(0, k).filter(c -> sizes[c] > 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(c -> -sizes[c]).thenComparingInt(c -> firstMember[c]))
                .mapToInt(Integer::intValue).toArray();
        int[] number = new int[k];
        for (int rank = 0; rank < order.length; rank++) {
            number[order[rank]] = rank;
        }
        int[] renumbered = new int[assignment.length];
        for (int i = 0; i < assignment.length; i++) {
            renumbered[i] = number[assignment[i]];
        }
        return new Clustering(renumbered, order.length);
    }
}
