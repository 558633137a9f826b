package dev.ronbun.tools.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence intervals over per-query (or per-reader) scores: the queries are resampled with
 * replacement, the mean taken each time, and the interval is the middle 95 % of those means. A fixed seed makes a
 * report repeatable.
 */
public final class Bootstrap {

    public static final int RESAMPLES = 1_000;
    public static final long SEED = 19;

    /** A mean with its 95 % interval; with no values, all three are 0. */
    public record Estimate(double mean, double low, double high) {

        @Override
        public String toString() {
            return String.format("%.3f [%.2f, %.2f]", mean, low, high);
        }
    }

    private Bootstrap() {
    }

    public static Estimate mean(List<Double> values) {
        return mean(values, RESAMPLES, SEED);
    }

    public static Estimate mean(List<Double> values, int resamples, long seed) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            return new Estimate(0, 0, 0);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += v[random.nextInt(v.length)];
            }
            means[r] = sum / v.length;
        }
        return new Estimate(Arrays.stream(v).average().orElse(0), percentile(means, 0.025), percentile(means, 0.975));
    }

    /**
     * The ratio of two means over the same queries ({@code mean(a) / mean(b)}), resampling the queries in pairs so that
     * the interval reflects how the two rankings differ query by query; resamples where {@code b}'s mean is 0 are left
     * out. With no values, or {@code b} all 0, all three are NaN.
     */
    public static Estimate pairedRatio(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("paired scores must be of the same queries");
        }
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        double sumY = Arrays.stream(y).sum();
        if (x.length == 0 || sumY == 0) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        int kept = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            double sa = 0;
            double sb = 0;
            for (int i = 0; i < x.length; i++) {
                int pick = random.nextInt(x.length);
                sa += x[pick];
                sb += y[pick];
            }
            if (sb > 0) {
                ratios[kept++] = sa / sb;
            }
        }
        double[] used = Arrays.copyOf(ratios, kept);
        return new Estimate(Arrays.stream(x).sum() / sumY, percentile(used, 0.025), percentile(used, 0.975));
    }

    private static double percentile(double[] values, double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.floor(quantile * (sorted.length - 1) + 0.5);
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
