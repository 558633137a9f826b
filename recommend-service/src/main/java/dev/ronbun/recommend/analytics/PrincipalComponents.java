package dev.ronbun.recommend.analytics;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal component analysis for the topic map, by Apache Commons Math: the eigenvectors of the covariance of the
 * vectors, largest variance first. The covariance is {@code dimension x dimension} (384 x 384 for the bundled model),
 * so the cost grows with the papers only through one matrix product. Deterministic: each axis is signed so that its
 * largest coordinate is positive.
 */
final class PrincipalComponents {

    private static final double NO_VARIANCE = 1e-12;

    private PrincipalComponents() {
    }

    /** Each vector's coordinates on the first {@code components} principal axes; zero where there is no variance left. */
    static double[][] project(double[][] vectors, int components) {
        int n = vectors.length;
        double[][] coordinates = new double[n][components];
        if (n == 0) {
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
        EigenDecomposition eigen = new EigenDecomposition(x.transpose().multiply(x));
        double[] values = eigen.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -values[i]).thenComparingInt(i -> i));
        for (int c = 0; c < Math.min(components, order.length); c++) {
            if (values[order[c]] <= NO_VARIANCE) {
                break;
            }
            double[] axis = signedByLargestCoordinate(eigen.getEigenvector(order[c]));
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

    private static double[] signedByLargestCoordinate(RealVector vector) {
        double[] v = vector.toArray();
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
