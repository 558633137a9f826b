package dev.ronbun.recommend.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * The mean of the index's paper vectors of one embedding model, taken out of every vector before ranking compares
 * them. Sentence-embedding models are anisotropic: the bundled model puts every paper in a narrow cone (mean pairwise
 * cosine 0.82), so the raw cosine of a close paper and of an unrelated one differ by a few hundredths, and whatever
 * uses cosines (the vector share of hybrid fusion, diversification, the push away from dismissed papers) sees nearly
 * a constant. Taking out the common direction (Mu and Viswanath, "All-but-the-Top", ICLR 2018) spreads cosines over
 * their real range. The mean is the corpus's own, so any model gains, and a model without a common direction is left
 * nearly as it was.
 *
 * @param mean   null while there is none (see {@link #MIN_PAPERS}): vectors then stay as they are
 * @param model  the embedding model version the mean belongs to
 * @param basis  how many papers the index held when the mean was taken (over a sample of at most {@link #SAMPLE}
 *               of the model's papers)
 */
public record VectorCentre(float[] mean, String model, int basis) {

    /** Below this many papers, the mean would be mostly the papers themselves, not the model's common direction. */
    public static final int MIN_PAPERS = 50;
    /** At most this many vectors, evenly spread over the index, make the mean: more change it by nothing that counts. */
    static final int SAMPLE = 20_000;
    /** Once the model's papers grow or shrink by this share, the mean is taken again. */
    private static final double DRIFT = 0.10;

    public static final VectorCentre NONE = new VectorCentre(null, null, 0);

    /** The direction of the vector with the mean taken out, at unit length; the vector itself without a mean. */
    public float[] centred(float[] unit) {
        if (mean == null || unit.length != mean.length) {
            return unit;
        }
        return centreInPlace(unit.clone());
    }

    /** {@link #centred} in the given array (a copy the caller owns), which it returns: no allocation per hit. */
    float[] centreInPlace(float[] copy) {
        if (mean == null || copy.length != mean.length) {
            return copy;
        }
        for (int d = 0; d < copy.length; d++) {
            copy[d] -= mean[d];
        }
        float norm = VectorUtil.dotProduct(copy, copy); // SIMD, where a summing loop would stay scalar
        if (norm == 0 || Float.isNaN(norm)) {
            return copy; // the mean itself: no direction to keep; cosines with it are 0
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < copy.length; d++) {
            copy[d] *= scale;
        }
        return copy;
    }

    public boolean isActive() {
        return mean != null;
    }

    /** True when the mean no longer fits the index: another current model, or its papers grew or shrank enough. */
    boolean outdatedFor(String currentModel, int papers) {
        if (currentModel == null) {
            return model != null;
        }
        if (!currentModel.equals(model)) {
            return true;
        }
        int reference = Math.max(basis, MIN_PAPERS);
        return Math.abs(papers - basis) >= DRIFT * reference;
    }

    /**
     * The mean over the live papers of a model, from an even sample of at most {@link #SAMPLE} of them.
     *
     * @param basis the index's size now, against which later sizes are compared
     */
    static VectorCentre of(IndexSearcher searcher, String model, int basis) throws IOException {
        if (model == null) {
            return new VectorCentre(null, null, basis);
        }
        ConstantScoreQuery ofModel = new ConstantScoreQuery(PaperQueries.model(model));
        int papers = searcher.count(ofModel);
        if (papers < MIN_PAPERS) {
            return new VectorCentre(null, model, basis);
        }
        int step = Math.max(1, papers / SAMPLE);
        double[] sum = null;
        int sampled = 0;
        long seen = 0;
        Weight weight = searcher.createWeight(searcher.rewrite(ofModel), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SegmentFields fields = SegmentFields.of(leaf.reader());
            DocIdSetIterator docs = scorer.iterator();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if ((live != null && !live.get(doc)) || seen++ % step != 0) {
                    continue;
                }
                float[] vector = fields.vector(doc);
                if (vector.length == 0 || (sum != null && vector.length != sum.length)) {
                    continue;
                }
                if (sum == null) {
                    sum = new double[vector.length];
                }
                for (int d = 0; d < vector.length; d++) {
                    sum[d] += vector[d];
                }
                sampled++;
            }
        }
        if (sum == null || sampled < MIN_PAPERS) {
            return new VectorCentre(null, model, basis);
        }
        float[] mean = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            mean[d] = (float) (sum[d] / sampled);
        }
        return new VectorCentre(mean, model, basis);
    }
}
