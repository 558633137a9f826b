package dev.ronbun.recommend.index;

import java.util.Collection;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * The vector math of recommend-service, on unit-length vectors (papers, queries, interest centroids), all through
 * Lucene's SIMD {@link VectorUtil}. For unit vectors the dot product is the cosine similarity.
 */
public final class UnitVectors {

    private UnitVectors() {
    }

    /** Cosine similarity of two unit vectors. */
    public static float similarity(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }

    /** The largest similarity of {@code vector} to any of {@code others}; 0 when there are none. */
    public static float maxSimilarity(float[] vector, Collection<float[]> others) {
        float max = 0;
        boolean any = false;
        for (float[] other : others) {
            float similarity = similarity(vector, other);
            if (!any || similarity > max) {
                max = similarity;
                any = true;
            }
        }
        return max;
    }

    /** The direction of the weighted sum of the vectors, as a unit vector; null when the sum is zero. */
    public static float[] weightedMean(List<float[]> vectors, List<Double> weights) {
        if (vectors.isEmpty()) {
            return null;
        }
        float[] sum = new float[vectors.getFirst().length];
        for (int i = 0; i < vectors.size(); i++) {
            float weight = weights.get(i).floatValue();
            float[] vector = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += weight * vector[d];
            }
        }
        return normalized(sum);
    }

    /** A unit-length copy of the vector; null when it is zero. */
    public static float[] normalized(float[] vector) {
        double norm = Math.sqrt(VectorUtil.dotProduct(vector, vector));
        if (norm == 0 || Double.isNaN(norm)) {
            return null;
        }
        return VectorUtil.l2normalize(vector.clone(), false);
    }
}
