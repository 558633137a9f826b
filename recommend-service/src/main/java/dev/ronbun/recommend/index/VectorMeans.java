package dev.ronbun.recommend.index;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;

/**
 * Takes the mean of a model's vectors over the index (see {@link VectorCentre}, a plain value that reads nothing):
 * apart from it so that the centre and the segment fields that use it do not call each other.
 */
final class VectorMeans {

    private VectorMeans() {
    }

    /**
     * The mean over the live papers of a model, as embedded (each given back through {@code current}, the mean they
     * are centred on now), from an even sample of at most {@link VectorCentre#SAMPLE} of them; none below
     * {@link VectorCentre#MIN_PAPERS}.
     */
    static VectorCentre take(IndexSearcher searcher, String model, VectorCentre current) throws IOException {
        int papers = searcher.count(PaperQueries.model(model));
        if (papers < VectorCentre.MIN_PAPERS) {
            return current;
        }
        int step = Math.max(1, papers / VectorCentre.SAMPLE);
        Sum sum = new Sum();
        SegmentFields.visitMatching(searcher, PaperQueries.model(model), (fields, doc) -> {
            if (sum.seen++ % step == 0) {
                sum.add(fields.embedded(doc, current));
            }
        });
        if (sum.total == null || sum.added < VectorCentre.MIN_PAPERS) {
            return current;
        }
        float[] mean = new float[sum.total.length];
        for (int d = 0; d < mean.length; d++) {
            mean[d] = (float) (sum.total[d] / sum.added);
        }
        return new VectorCentre(mean, model, papers);
    }

    /** A running sum of the sampled vectors, in doubles (20,000 floats summed in float would lose digits). */
    private static final class Sum {
        private double[] total;
        private int added;
        private long seen;

        void add(float[] vector) {
            if (vector.length == 0 || (total != null && vector.length != total.length)) {
                return;
            }
            if (total == null) {
                total = new double[vector.length];
            }
            for (int d = 0; d < vector.length; d++) {
                total[d] += vector[d];
            }
            added++;
        }
    }
}
