package dev.ronbun.recommend.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import org.apache.lucene.util.VectorUtil;

/**
 * The mean of the index's paper vectors of one embedding model, taken out of every vector of that model: the index
 * stores, searches and compares centred vectors. Sentence-embedding models are anisotropic: the bundled model puts
 * every paper in a narrow cone (mean pairwise cosine 0.82), so the raw cosine of a close paper and of an unrelated one
 * differ by a few hundredths, and whatever uses cosines (the vector share of hybrid fusion, diversification, the push
 * away from dismissed papers) sees nearly a constant. Taking out the common direction (Mu and Viswanath,
 * "All-but-the-Top", ICLR 2018) spreads cosines over their real range. The HNSW graph is built on the centred vectors
 * too: a graph built on the raw ones does not lead a centred query to its centred neighbours (docs/benchmarks.md).
 * The mean is the corpus's own, so any model gains, and a model without a common direction is left nearly as it was.
 *
 * <p>The mean is first taken ({@link VectorMeans}) once {@link #MIN_PAPERS} papers of a model are in, then again at
 * twenty times as many papers, up to {@link #SAMPLE}, after which it stays (a sample that large changes it by nothing
 * that counts). Each time, the model's papers are written again, centred on the new mean. A paper keeps its distance
 * to the mean, so the vector as embedded is given back exactly (see {@link #embedded}).
 *
 * <p>The service's replicas share the mean ({@link SharedCentres}): the first to take it from enough papers stores it,
 * the others centre on that one instead of their own, so the same papers get the same cosines on every replica.
 *
 * @param mean   null while there is none: vectors then stay as they are
 * @param model  the embedding model version the mean belongs to
 * @param basis  how many papers of the model the index held when the mean was taken
 */
public record VectorCentre(float[] mean, String model, int basis) {

    /** Below this many papers, the mean would be mostly the papers themselves, not the model's common direction. */
    public static final int MIN_PAPERS = 50;
    /** At most this many vectors, evenly spread over the index, make the mean; past it the mean stays fixed. */
    static final int SAMPLE = 20_000;
    /** The mean is taken again when the model's papers have grown this many times (50, 1,000, 20,000). */
    private static final int GROWTH = 20;

    public static final VectorCentre NONE = new VectorCentre(null, null, 0);

    /** A model without a mean yet. */
    static VectorCentre none(String model) {
        return new VectorCentre(null, model, 0);
    }

    /** The direction of the vector with the mean taken out, at unit length; the vector itself without a mean. */
    public float[] centred(float[] unit) {
        Stored stored = stored(unit);
        return stored == null ? unit : stored.direction();
    }

    /**
     * A vector as the index stores it: its centred direction and its distance to the mean, which together give it
     * back (see {@link #embedded}); null when this centre does not apply (no mean, or another dimension).
     */
    Stored stored(float[] unit) {
        if (!fits(unit)) {
            return null;
        }
        float[] direction = unit.clone();
        for (int d = 0; d < direction.length; d++) {
            direction[d] -= mean[d];
        }
        float distance = (float) Math.sqrt(VectorUtil.dotProduct(direction, direction)); // SIMD
        if (distance == 0 || Float.isNaN(distance)) {
            return new Stored(direction, 0); // the mean itself: no direction to keep; cosines with it are 0
        }
        float scale = 1 / distance;
        for (int d = 0; d < direction.length; d++) {
            direction[d] *= scale;
        }
        return new Stored(direction, distance);
    }

    /** See {@link #stored}. */
    record Stored(float[] direction, float distance) {
    }

    /**
     * The vector as embedded, from its centred direction and its distance to the mean (see {@link #stored}), at unit
     * length.
     */
    float[] embedded(float[] centred, float distance) {
        if (!fits(centred)) {
            return centred;
        }
        float[] vector = new float[centred.length];
        for (int d = 0; d < vector.length; d++) {
            vector[d] = mean[d] + distance * centred[d];
        }
        float[] unit = UnitVectors.normalized(vector);
        return unit == null ? vector : unit;
    }

    public boolean isActive() {
        return mean != null;
    }

    /** The same mean of the same model, taken from as many papers (a record's equals compares arrays by identity). */
    boolean sameAs(VectorCentre other) {
        return Objects.equals(model, other.model) && basis == other.basis && Arrays.equals(mean, other.mean);
    }

    private boolean fits(float[] vector) {
        return mean != null && vector.length == mean.length;
    }

    /** How many papers of the model make the mean be taken (again); past {@link #SAMPLE}, never. */
    int nextTaking() {
        if (mean == null) {
            return MIN_PAPERS;
        }
        return basis >= SAMPLE ? Integer.MAX_VALUE : Math.min(basis * GROWTH, SAMPLE);
    }

    /** The mean as commit data: the basis, then the floats in Base64. */
    String encoded() {
        ByteBuffer bytes = ByteBuffer.allocate(mean.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(mean);
        return basis + ":" + Base64.getEncoder().encodeToString(bytes.array());
    }

    /** A mean back from its {@link #encoded} form. */
    static VectorCentre decoded(String model, String encoded) {
        int colon = encoded.indexOf(':');
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(encoded.substring(colon + 1)))
                .order(ByteOrder.LITTLE_ENDIAN);
        float[] mean = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(mean);
        return new VectorCentre(mean, model, Integer.parseInt(encoded.substring(0, colon)));
    }
}
