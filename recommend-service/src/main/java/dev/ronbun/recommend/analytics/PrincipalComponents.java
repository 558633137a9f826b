package dev.ronbun.recommend.analytics;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Principal component analysis for the topic map, with Apache Commons Math's matrices and singular value
 * decomposition, by randomised subspace iteration (Halko, Martinsson and Tropp, 2011): a few more random directions
 * than components wanted are multiplied through the centred vectors and back, {@link #POWER_ITERATIONS} times, and
 * the small matrix they span is decomposed exactly. Only the leading axes are needed, and a full decomposition of a
 * 512 x 512 scatter matrix takes Commons Math seconds (its eigensolver does not even converge on the rank-deficient
 * matrix of a small corpus). Deterministic: the random directions have a fixed seed, and each axis is signed so that
 * its largest coordinate is positive.
 */
final class PrincipalComponents {

    private static final int OVERSAMPLING = 8;
    private static final int POWER_ITERATIONS = 2;
    private static final long SEED = 19L;
    private static final double NO_VARIANCE = 1e-12;

    private PrincipalComponents() {
    }

    /** Each vector's coordinates on the first {@code components} principal axes; zero where there is no variance left. */
    static double[][] project(double[][] vectors, int components) {
        int n = vectors.length;
        double[][] coordinates = new double[n][components];
        if (n == 0 || vectors[0].length == 0) {
            return coordinates;
        }
        int dimension = vectors[0].length;
        double[] mean = new double[dimension];
        for (double[] v : vectors) {
            for (int j = 0; j < dimension; j++) {
                mean[j] += v[j] / n;
            }
        }
        double[][] centred = new double[n][dimension];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dimension; j++) {
                centred[i][j] = vectors[i][j] - mean[j];
            }
        }
        RealMatrix x = new BlockRealMatrix(centred);
        RealMatrix xt = x.transpose();
        int width = Math.min(Math.min(n, dimension), components + OVERSAMPLING);
        RealMatrix range = orthonormal(x.multiply(gaussian(dimension, width)));
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
            range = orthonormal(x.multiply(orthonormal(xt.multiply(range))));
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(range.transpose().multiply(x));
        double[] singular = svd.getSingularValues();
        RealMatrix axes = svd.getV();
        for (int c = 0; c < Math.min(components, singular.length); c++) {
            if (singular[c] * singular[c] <= NO_VARIANCE) {
                break;
            }
            double[] axis = signedByLargestCoordinate(axes.getColumn(c));
            for (int i = 0; i < n; i++) {
                double along = 0;
                for (int j = 0; j < dimension; j++) {
                    along += centred[i][j] * axis[j];
                }
                coordinates[i][c] = along;
            }
        }
        return coordinates;
    }

    private static RealMatrix gaussian(int rows, int columns) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int c = 0; c < columns; c++) {
                row[c] = random.nextGaussian();
            }
        }
        return new BlockRealMatrix(values);
    }

    /**
     * The columns made orthonormal by modified Gram-Schmidt, a column with nothing left set to zero. Commons Math's
     * QR decomposition would give the full square Q, papers x papers.
     */
    private static RealMatrix orthonormal(RealMatrix matrix) {
        int rows = matrix.getRowDimension();
        int columns = matrix.getColumnDimension();
        double[][] q = new double[columns][];
        for (int c = 0; c < columns; c++) {
            double[] v = matrix.getColumn(c);
            for (int p = 0; p < c; p++) {
                double along = 0;
                for (int r = 0; r < rows; r++) {
                    along += q[p][r] * v[r];
                }
                for (int r = 0; r < rows; r++) {
                    v[r] -= along * q[p][r];
                }
            }
            double length = 0;
            for (double value : v) {
                length += value * value;
            }
            length = Math.sqrt(length);
            for (int r = 0; r < rows; r++) {
                v[r] = length > 1e-10 ? v[r] / length : 0;
            }
            q[c] = v;
        }
        return new BlockRealMatrix(q).transpose();
    }

    private static double[] signedByLargestCoordinate(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest]) + 1e-12) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
        return v;
    }
}
