package dev.ronbun.recommend.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * k-means++ with restarts, by Apache Commons Math's {@link KMeansPlusPlusClusterer}: each restart seeds its centres
 * by k-means++ from a fixed seed of its own, and the partition whose points lie nearest their centres (least weighted
 * sum of squared distances, the centres taken as weighted means) is kept. Points weigh in the choice of the restart
 * and in the centres, not in Lloyd's iterations, which Commons Math runs unweighted. (Tribuo's k-means weighs points
 * but builds provenance objects on every run, which made clustering one reader's history cost 40-200 ms.) k-means++ seeds far points only in proportion to their squared distance, and a restart
 * that spends a centre on one outlier loses to one that splits the mass, so single outliers rarely become clusters.
 * Deterministic for the same points in the same order: callers put their points in a fixed order (by paper id).
 */
public final class KMeansPlusPlus {

    /** Restarts when the caller does not say: enough that an unlucky seeding does not decide the topics. */
    public static final int RESTARTS = 8;
    private static final int ITERATIONS = 100;
    private static final long SEED = 19_2026L;

    /**
     * Which cluster each point is in (clusters numbered from 0, none empty), the clusters' weighted centres, and the
     * weighted sum of squared distances of the points to their centres.
     */
    public record Partition(int[] assignment, double[][] centres, double inertia) {

        public int clusters() {
            return centres.length;
        }

        /** The number of points in each cluster. */
        public int[] sizes() {
            int[] sizes = new int[centres.length];
            for (int cluster : assignment) {
                sizes[cluster]++;
            }
            return sizes;
        }
    }

    private final double[][] points;
    private final double[] weights;
    private final int maxIterations;
    private final int distinct;
    private List<DoublePoint> wrapped;

    /**
     * Points to cluster, once for any number of clusterings of them.
     *
     * @param weights one positive weight per point, or null for equal weights
     */
    public KMeansPlusPlus(double[][] points, double[] weights) {
        this(points, weights, ITERATIONS);
    }

    /** As {@link #KMeansPlusPlus(double[][], double[])}, with at most {@code maxIterations} of Lloyd's per run. */
    public KMeansPlusPlus(double[][] points, double[] weights, int maxIterations) {
        this.points = points;
        this.weights = weights;
        this.maxIterations = maxIterations;
        this.distinct = distinct(points);
    }

    /**
     * The best of {@link #RESTARTS} weighted k-means++ runs into at most {@code k} clusters (fewer when there are fewer
     * distinct points).
     *
     * @param weights one positive weight per point, or null for equal weights
     */
    public static Partition cluster(double[][] points, double[] weights, int k) {
        return new KMeansPlusPlus(points, weights).cluster(k, RESTARTS);
    }

    /** The best of {@code restarts} runs into at most {@code k} clusters (fewer when there are fewer distinct points). */
    public Partition cluster(int k, int restarts) {
        int n = points.length;
        if (n == 0) {
            return new Partition(new int[0], new double[0][], 0);
        }
        int wanted = Math.max(1, Math.min(k, distinct));
        if (wanted == 1) {
            return partition(points, weights, new int[n], 1);
        }
        if (wrapped == null) {
            wrapped = Arrays.stream(points).map(point -> new DoublePoint(point)).toList();
        }
        Partition best = null;
        for (int restart = 0; restart < Math.max(1, restarts); restart++) {
            KMeansPlusPlusClusterer<DoublePoint> clusterer = new KMeansPlusPlusClusterer<>(wanted, maxIterations,
                    new EuclideanDistance(), new JDKRandomGenerator((int) (SEED + restart)),
                    KMeansPlusPlusClusterer.EmptyClusterStrategy.FARTHEST_POINT);
            Partition partition = partitionAround(points, weights, centres(clusterer.cluster(wrapped)));
            if (best == null || partition.inertia() < best.inertia() - 1e-12) {
                best = partition;
            }
        }
        return best;
    }

    /** The partition that puts each point with its nearest centre, the centres then moved to their points' mean. */
    public static Partition partitionAround(double[][] points, double[] weights, double[][] centres) {
        int[] assignment = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            assignment[i] = nearest(points[i], centres);
        }
        return partition(points, weights, assignment, centres.length);
    }

    /** The index of the centre nearest the point; ties to the lower index. */
    public static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double d = squareDistance(point, centres[c]);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    public static double squareDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }

    /** The partition for an assignment: empty clusters dropped, the rest renumbered in order, centres recomputed. */
    private static Partition partition(double[][] points, double[] weights, int[] assignment, int clusters) {
        int dimension = points[0].length;
        double[][] sums = new double[clusters][dimension];
        double[] mass = new double[clusters];
        for (int i = 0; i < points.length; i++) {
            double w = weights == null ? 1 : weights[i];
            mass[assignment[i]] += w;
            for (int j = 0; j < dimension; j++) {
                sums[assignment[i]][j] += w * points[i][j];
            }
        }
        int[] number = new int[clusters];
        int kept = 0;
        for (int c = 0; c < clusters; c++) {
            number[c] = mass[c] > 0 ? kept++ : -1;
        }
        double[][] centres = new double[kept][];
        for (int c = 0; c < clusters; c++) {
            if (number[c] >= 0) {
                double scale = 1 / mass[c];
                centres[number[c]] = Arrays.stream(sums[c]).map(v -> v * scale).toArray();
            }
        }
        int[] renumbered = new int[points.length];
        double inertia = 0;
        for (int i = 0; i < points.length; i++) {
            renumbered[i] = number[assignment[i]];
            inertia += (weights == null ? 1 : weights[i]) * squareDistance(points[i], centres[renumbered[i]]);
        }
        return new Partition(renumbered, centres, inertia);
    }

    private static double[][] centres(List<CentroidCluster<DoublePoint>> clusters) {
        List<double[]> centres = new ArrayList<>(clusters.size());
        for (CentroidCluster<DoublePoint> cluster : clusters) {
            centres.add(cluster.getCenter().getPoint());
        }
        return centres.toArray(double[][]::new);
    }

    private static int distinct(double[][] points) {
        Set<List<Double>> seen = new HashSet<>();
        for (double[] point : points) {
            seen.add(Arrays.stream(point).boxed().toList());
            if (seen.size() > 64) {
                break; // more distinct points than any clustering here asks for
            }
        }
        return seen.size();
    }
}
