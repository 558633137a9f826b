package dev.ronbun.recommend.analytics;

import org.apache.lucene.util.VectorUtil;

/**
 * Principal component analysis for the topic map: the directions along which the paper vectors vary most, each found
 * by power iteration on the centred vectors (the covariance matrix is never formed). Deterministic: the iteration
 * starts from the vector farthest from the mean and each axis is signed so that its largest coordinate is positive.
 */
final class PrincipalComponents {

    private static final int MAX_ITERATIONS = 200;
    private static final float CONVERGED = 1e-10f;
    private static final float NO_VARIANCE = 1e-12f;

    private PrincipalComponents() {
    }

    /** Each vector's coordinates on the first {@code components} principal axes; zero where there is no variance left. */
    static double[][] project(float[][] vectors, int components) {
        int n = vectors.length;
        double[][] coordinates = new double[n][components];
        if (n == 0) {
            return coordinates;
        }
        float[][] centred = centred(vectors);
        float[][] axes = new float[components][];
        for (int c = 0; c < components; c++) {
            axes[c] = axis(centred, axes, c);
            for (int i = 0; i < n; i++) {
                coordinates[i][c] = VectorUtil.dotProduct(centred[i], axes[c]);
            }
        }
        return coordinates;
    }

    private static float[][] centred(float[][] vectors) {
        int dimension = vectors[0].length;
        float[] mean = new float[dimension];
        for (float[] v : vectors) {
            for (int j = 0; j < dimension; j++) {
                mean[j] += v[j] / vectors.length;
            }
        }
        float[][] centred = new float[vectors.length][dimension];
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < dimension; j++) {
                centred[i][j] = vectors[i][j] - mean[j];
            }
        }
        return centred;
    }

    /** The unit axis of largest variance orthogonal to the {@code found} axes before it, or a zero vector. */
    private static float[] axis(float[][] centred, float[][] axes, int found) {
        int dimension = centred[0].length;
        float[] v = start(centred, axes, found);
        if (v == null) {
            return new float[dimension];
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            float[] next = new float[dimension];
            for (float[] row : centred) {
                float along = VectorUtil.dotProduct(row, v);
                for (int j = 0; j < dimension; j++) {
                    next[j] += along * row[j];
                }
            }
            removeAxes(next, axes, found);
            if (!normalise(next)) {
                return new float[dimension];
            }
            boolean converged = VectorUtil.squareDistance(next, v) < CONVERGED;
            v = next;
            if (converged) {
                break;
            }
        }
        signByLargestCoordinate(v);
        return v;
    }

    /** The centred vector with the most length left outside the axes found so far, normalised; null if none has any. */
    private static float[] start(float[][] centred, float[][] axes, int found) {
        float[] best = null;
        float bestLength = NO_VARIANCE;
        for (float[] row : centred) {
            float[] rest = row.clone();
            removeAxes(rest, axes, found);
            float length = VectorUtil.dotProduct(rest, rest);
            if (length > bestLength) {
                best = rest;
                bestLength = length;
            }
        }
        return best != null && normalise(best) ? best : null;
    }

    private static void removeAxes(float[] v, float[][] axes, int found) {
        for (int a = 0; a < found; a++) {
            float along = VectorUtil.dotProduct(v, axes[a]);
            for (int j = 0; j < v.length; j++) {
                v[j] -= along * axes[a][j];
            }
        }
    }

    private static boolean normalise(float[] v) {
        float length = (float) Math.sqrt(VectorUtil.dotProduct(v, v));
        if (length < NO_VARIANCE) {
            return false;
        }
        for (int j = 0; j < v.length; j++) {
            v[j] /= length;
        }
        return true;
    }

    private static void signByLargestCoordinate(float[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }
}
