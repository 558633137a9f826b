package dev.ronbun.recommend.text;

import java.util.Arrays;

/**
 * A sparse vector of term weights: indices ascending, one value per index. Immutable once built (the arrays are not
 * handed out).
 */
public final class SparseVector {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    private final int[] indices;
    private final double[] values;

    /** @param indices strictly ascending term indices; @param values their weights, same length */
    public SparseVector(int[] indices, double[] values) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length");
        }
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                throw new IllegalArgumentException("indices must be strictly ascending");
            }
        }
        this.indices = indices.clone();
        this.values = values.clone();
    }

    public int size() {
        return indices.length;
    }

    public int index(int i) {
        return indices[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The weight at a term index, 0 where the vector has none. */
    public double get(int index) {
        int at = Arrays.binarySearch(indices, index);
        return at >= 0 ? values[at] : 0.0;
    }

    public double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            if (indices[i] == other.indices[j]) {
                sum += values[i++] * other.values[j++];
            } else if (indices[i] < other.indices[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** The dot product with a dense weight vector (a linear model's weights). */
    public double dot(double[] dense) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < dense.length) {
                sum += values[i] * dense[indices[i]];
            }
        }
        return sum;
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** Cosine similarity; 0 when either vector is empty or zero. */
    public double cosine(SparseVector other) {
        double norms = norm() * other.norm();
        return norms == 0 ? 0.0 : dot(other) / norms;
    }
}
