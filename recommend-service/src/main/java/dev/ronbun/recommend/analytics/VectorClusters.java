package dev.ronbun.recommend.analytics;

import dev.ronbun.recommend.clustering.KMeansPlusPlus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The topic map's clusters: k-means++ with restarts ({@link KMeansPlusPlus}) on the papers' principal coordinates,
 * then noise taken out. A paper much farther from its centre than the cluster's other papers (beyond the median
 * distance plus {@link #OUTLIER_SPREADS} robust spreads) is noise, and so is every paper of a cluster left with fewer
 * than {@link #minClusterSize} papers: outliers are shown as noise, never as clusters of one. When the number of
 * clusters is not given, the one with the best simplified silhouette among those whose largest cluster holds at most
 * {@link #MAX_SHARE} of the papers (from {@link #SHARE_RULE_PAPERS} papers on) is chosen. Clusters are numbered by size, largest first; noise is {@link #NOISE}.
 */
final class VectorClusters {

    static final int NOISE = -1;
    /** No topic should swallow the map: the choice of the number of clusters keeps every cluster at most this share. */
    static final double MAX_SHARE = 0.40;
    /** Below this many papers one topic may well hold most of them: the share rule waits for a real corpus. */
    static final int SHARE_RULE_PAPERS = 20;
    /** Most papers the centres are looked for on (see {@link #sample}). */
    static final int SAMPLE = 1_500;
    /** Restarts while choosing the number of clusters; the chosen number is then clustered with the full restarts. */
    static final int CHOICE_RESTARTS = 3;
    /** How many robust spreads (1.4826 median absolute deviations) beyond the median distance make a paper noise. */
    static final double OUTLIER_SPREADS = 3.0;

    private VectorClusters() {
    }

    /** Which cluster each paper is in ({@link #NOISE} for none), and how many clusters there are. */
    record Clustering(int[] assignment, int clusters) {

        int noise() {
            return (int) Arrays.stream(assignment).filter(c -> c == NOISE).count();
        }

        /** The share of all papers in the largest cluster. */
        double largestShare() {
            int[] sizes = new int[clusters];
            for (int c : assignment) {
                if (c != NOISE) {
                    sizes[c]++;
                }
            }
            return assignment.length == 0 ? 0 : (double) Arrays.stream(sizes).max().orElse(0) / assignment.length;
        }
    }

    /** The fewest papers a cluster keeps: 2, or 2 % of the papers on a larger map. */
    static int minClusterSize(int papers) {
        return Math.max(2, (int) Math.ceil(papers * 0.02));
    }

    /**
     * Clusterings for each k from 2 to {@code maxClusters} (while every cluster can reach the minimum size), keeping
     * the best mean simplified silhouette among those within {@link #MAX_SHARE}; when none is, the one whose largest
     * cluster is smallest. The smaller k wins a tie. Too few papers to split make one cluster.
     */
    static Clustering best(double[][] points, int maxClusters) {
        int n = points.length;
        int largest = Math.min(maxClusters, n / minClusterSize(n));
        KMeansPlusPlus kMeans = new KMeansPlusPlus(sample(points), null);
        Clustering best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        boolean bestWithin = false;
        int bestK = 1;
        for (int k = 2; k <= largest; k++) {
            Clustering clustering = withNoise(points, kMeans, k, CHOICE_RESTARTS);
            if (clustering.clusters() < 2) {
                continue;
            }
            boolean within = n < SHARE_RULE_PAPERS || clustering.largestShare() <= MAX_SHARE + 1e-9;
            double score = within ? simplifiedSilhouette(points, clustering) : -clustering.largestShare();
            if (best == null || (within && !bestWithin) || (within == bestWithin && score > bestScore + 1e-9)) {
                best = clustering;
                bestK = k;
                bestScore = score;
                bestWithin = within;
            }
        }
        return best != null ? withNoise(points, kMeans, bestK, KMeansPlusPlus.RESTARTS) : withNoise(points, 1);
    }

    /** k-means++ into {@code k} clusters, then outliers and clusters below the minimum size taken out as noise. */
    static Clustering withNoise(double[][] points, int k) {
        return withNoise(points, new KMeansPlusPlus(sample(points), null), k, KMeansPlusPlus.RESTARTS);
    }

    /**
     * Every {@code n / SAMPLE}-th point, in order, when there are more than {@link #SAMPLE}: the centres are found on
     * the sample and every point then joins its nearest, which keeps a large map as quick as a middling one.
     */
    private static double[][] sample(double[][] points) {
        if (points.length <= SAMPLE) {
            return points;
        }
        double step = (double) points.length / SAMPLE;
        return IntStream.range(0, SAMPLE).mapToObj(i -> points[(int) (i * step)]).toArray(double[][]::new);
    }

    private static Clustering withNoise(double[][] points, KMeansPlusPlus kMeans, int k, int restarts) {
        int n = points.length;
        if (n == 0) {
            return new Clustering(new int[0], 0);
        }
        KMeansPlusPlus.Partition partition = KMeansPlusPlus.partitionAround(points, null,
                kMeans.cluster(Math.min(k, n), restarts).centres());
        int[] assignment = partition.assignment().clone();
        markOutliers(points, partition, assignment);
        int minSize = Math.min(minClusterSize(n), n);
        int[] sizes = sizes(assignment, partition.clusters());
        for (int i = 0; i < n; i++) {
            if (assignment[i] != NOISE && sizes[assignment[i]] < minSize) {
                assignment[i] = NOISE;
            }
        }
        return numberedBySize(assignment, partition.clusters());
    }

    /** Papers beyond their cluster's median distance to the centre plus {@link #OUTLIER_SPREADS} robust spreads. */
    private static void markOutliers(double[][] points, KMeansPlusPlus.Partition partition, int[] assignment) {
        for (int c = 0; c < partition.clusters(); c++) {
            int cluster = c;
            int[] members = IntStream.range(0, points.length).filter(i -> assignment[i] == cluster).toArray();
            if (members.length < 5) {
                continue; // too few distances to tell an outlier from the spread
            }
            double[] distances = Arrays.stream(members)
                    .mapToDouble(i -> Math.sqrt(KMeansPlusPlus.squareDistance(points[i], partition.centres()[cluster])))
                    .toArray();
            double median = median(distances);
            double spread = 1.4826 * median(Arrays.stream(distances).map(d -> Math.abs(d - median)).toArray());
            double limit = median + OUTLIER_SPREADS * Math.max(spread, 1e-9);
            for (int m = 0; m < members.length; m++) {
                if (distances[m] > limit) {
                    assignment[members[m]] = NOISE;
                }
            }
        }
    }

    /**
     * The mean over all papers of (b - a) / max(a, b): a the distance to its own centre, b to the nearest other one.
     * Noise and papers alone in a cluster score 0, so that a clustering cannot look good by setting papers aside.
     */
    static double simplifiedSilhouette(double[][] points, Clustering clustering) {
        int k = clustering.clusters();
        int dimension = points[0].length;
        double[][] centres = new double[k][dimension];
        int[] sizes = sizes(clustering.assignment(), k);
        for (int i = 0; i < points.length; i++) {
            int c = clustering.assignment()[i];
            if (c != NOISE) {
                for (int j = 0; j < dimension; j++) {
                    centres[c][j] += points[i][j] / sizes[c];
                }
            }
        }
        double sum = 0;
        for (int i = 0; i < points.length; i++) {
            int own = clustering.assignment()[i];
            if (own == NOISE || sizes[own] == 1) {
                continue;
            }
            double a = Math.sqrt(KMeansPlusPlus.squareDistance(points[i], centres[own]));
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own) {
                    b = Math.min(b, Math.sqrt(KMeansPlusPlus.squareDistance(points[i], centres[c])));
                }
            }
            double spread = Math.max(a, b);
            sum += spread == 0 ? 0 : (b - a) / spread;
        }
        return sum / points.length;
    }

    private static int[] sizes(int[] assignment, int clusters) {
        int[] sizes = new int[clusters];
        for (int c : assignment) {
            if (c != NOISE) {
                sizes[c]++;
            }
        }
        return sizes;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Clusters renumbered largest first (ties by their first paper), empty ones dropped; noise stays noise. */
    private static Clustering numberedBySize(int[] assignment, int k) {
        int[] sizes = sizes(assignment, k);
        int[] firstMember = new int[k];
        Arrays.fill(firstMember, Integer.MAX_VALUE);
        for (int i = 0; i < assignment.length; i++) {
            if (assignment[i] != NOISE) {
                firstMember[assignment[i]] = Math.min(firstMember[assignment[i]], i);
            }
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
            renumbered[i] = assignment[i] == NOISE ? NOISE : number[assignment[i]];
        }
        return new Clustering(renumbered, order.length);
    }
}
