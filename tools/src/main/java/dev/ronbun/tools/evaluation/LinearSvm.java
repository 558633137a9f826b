package dev.ronbun.tools.evaluation;

import dev.ronbun.recommend.text.SparseVector;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A linear support vector machine, the classifier of arxiv-sanity's per-reader recommendations: scikit-learn's
 * {@code LinearSVC(class_weight='balanced', C=0.1, tol=1e-6, max_iter=10000)} as arxiv-sanity-lite calls it, that is
 * liblinear's dual coordinate descent for the L2-regularised squared-hinge loss (Hsieh et al., ICML 2008), with the
 * intercept learnt as the weight of a constant feature of 1 (liblinear's {@code intercept_scaling=1}). Written here
 * rather than taken from a library because it is forty lines and the anchor must be exactly this recipe.
 *
 * <p>Balanced class weights scale each example's cost by {@code n / (2 n_class)}, so a reader's three papers weigh as
 * much as the hundred others.
 */
public final class LinearSvm {

    /** arxiv-sanity-lite's regularisation. */
    public static final double ARXIV_SANITY_C = 0.1;

    private static final int MAX_ITERATIONS = 10_000;
    private static final double TOLERANCE = 1e-6;

    private final double[] weights;
    private final double bias;

    private LinearSvm(double[] weights, double bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * @param examples  feature vectors
     * @param positive  for each example, whether it is of the positive class; both classes must occur
     * @param dimension the number of features (vector indices are below it)
     * @param c         the cost of a margin violation (before class weighting)
     * @param seed      the seed of the visiting order, so that a run is repeatable
     */
    public static LinearSvm train(List<SparseVector> examples, boolean[] positive, int dimension, double c, long seed) {
        int n = examples.size();
        if (positive.length != n) {
            throw new IllegalArgumentException("one label per example is needed");
        }
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("both classes must occur among the examples");
        }
        double[] w = new double[dimension];
        double b = 0;
        double[] alpha = new double[n];
        double[] diagonal = new double[n];
        double[] qii = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            double classWeight = n / (2.0 * (positive[i] ? positives : n - positives));
            diagonal[i] = 1.0 / (2.0 * c * classWeight);
            qii[i] = examples.get(i).dot(examples.get(i)) + 1.0 + diagonal[i];
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            shuffle(order, random);
            double maxProjected = Double.NEGATIVE_INFINITY;
            double minProjected = Double.POSITIVE_INFINITY;
            for (int i : order) {
                SparseVector x = examples.get(i);
                double y = positive[i] ? 1.0 : -1.0;
                double gradient = y * (x.dot(w) + b) - 1.0 + diagonal[i] * alpha[i];
                double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
                maxProjected = Math.max(maxProjected, projected);
                minProjected = Math.min(minProjected, projected);
                if (projected != 0) {
                    double previous = alpha[i];
                    alpha[i] = Math.max(alpha[i] - gradient / qii[i], 0);
                    double step = (alpha[i] - previous) * y;
                    for (int j = 0; j < x.size(); j++) {
                        w[x.index(j)] += step * x.value(j);
                    }
                    b += step;
                }
            }
            if (maxProjected - minProjected <= TOLERANCE) {
                break;
            }
        }
        return new LinearSvm(w, b);
    }

    /** The signed distance-like score {@code w·x + b}: positive on the reader's side. */
    public double decision(SparseVector x) {
        return x.dot(weights) + bias;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
