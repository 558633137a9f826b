package dev.ronbun.recommend.ranking;

import java.util.Arrays;
import java.util.Collection;

/**
 * What a reader is shown as a paper's match, in [0, 1]: how clearly its fused score stands out from the papers that
 * competed for the same list, not its place in the list. The list's own scores are scaled so that the best is always
 * 1 (and after diversification always 0.7), which says nothing; here the score is measured in robust standard
 * deviations above the median of all candidates (median and MAD, so one twin paper does not move the yardstick) and
 * passed through a logistic: a candidate {@value #EVEN_Z} deviations above the median is an even match (0.5), one
 * at 4 about 0.88, one at the median about 0.12. A paper whose neighbours all look alike thus gets a modest top
 * match, one with a clear counterpart a high one.
 */
final class MatchCalibration {

    /** Robust deviations above the median at which a match counts as even. */
    static final double EVEN_Z = 2.0;
    /** Fewer candidates than this give no yardstick: their matches are their scaled scores. */
    private static final int MIN_POOL = 5;
    /** Scales the median absolute deviation to a standard deviation for normally spread scores. */
    private static final double MAD_TO_SD = 1.4826;

    private final double median;
    private final double spread;
    private final double min;
    private final double max;

    private MatchCalibration(double median, double spread, double min, double max) {
        this.median = median;
        this.spread = spread;
        this.min = min;
        this.max = max;
    }

    /** The calibration of one list's candidates, from all their fused scores. */
    static MatchCalibration of(Collection<Double> scores) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return new MatchCalibration(0, 0, 0, 0);
        }
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(s -> Math.abs(s - median)).sorted().toArray();
        double spread = sorted.length < MIN_POOL ? 0 : MAD_TO_SD * median(deviations);
        return new MatchCalibration(median, spread, sorted[0], sorted[sorted.length - 1]);
    }

    /** The match of a candidate with this fused score, in [0, 1]. */
    double match(double score) {
        if (spread <= 0) {
            return max > min ? (score - min) / (max - min) : 1.0;
        }
        double z = (score - median) / spread;
        return 1 / (1 + Math.exp(-(z - EVEN_Z)));
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
