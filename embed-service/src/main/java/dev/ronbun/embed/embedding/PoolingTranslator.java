package dev.ronbun.embed.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import org.apache.lucene.util.VectorUtil;

import java.nio.FloatBuffer;

/**
 * Feeds a {@link TokenBatch} to an encoder-only ONNX model and pools its token states into one vector per text.
 * Pooling is done here on the output buffer rather than with NDArray operations because the ONNX Runtime engine
 * has no indexing or reduction operators of its own.
 */
final class PoolingTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

    private static final String BATCH = "batch";
    private static final String HIDDEN_STATES = "last_hidden_state";

    private final Pooling pooling;
    private final boolean normalize;
    private final boolean feedsTokenTypes;

    PoolingTranslator(Pooling pooling, boolean normalize, boolean feedsTokenTypes) {
        this.pooling = pooling;
        this.normalize = normalize;
        this.feedsTokenTypes = feedsTokenTypes;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        ctx.setAttachment(BATCH, batch);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(batch.size(), batch.length());
        NDList inputs = new NDList(3);
        inputs.add(named(manager.create(batch.ids(), shape), "input_ids"));
        inputs.add(named(manager.create(batch.attentionMask(), shape), "attention_mask"));
        if (feedsTokenTypes) {
            inputs.add(named(manager.create(batch.typeIds(), shape), "token_type_ids"));
        }
        return inputs;
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList outputs) {
        TokenBatch batch = (TokenBatch) ctx.getAttachment(BATCH);
        NDArray states = outputs.contains(HIDDEN_STATES) ? outputs.get(HIDDEN_STATES) : outputs.get(0);
        if (states.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("model output must be float32, was " + states.getDataType());
        }
        Shape shape = states.getShape();
        FloatBuffer values = states.toByteBuffer().asFloatBuffer();
        float[][] vectors = shape.dimension() == 2
                ? alreadyPooled(values, batch.size(), (int) shape.get(1))
                : pool(values, batch, (int) shape.get(1), (int) shape.get(2));
        if (normalize) {
            for (float[] vector : vectors) {
                VectorUtil.l2normalize(vector, false);
            }
        }
        return vectors;
    }

    private float[][] pool(FloatBuffer values, TokenBatch batch, int length, int hidden) {
        float[][] vectors = new float[batch.size()][hidden];
        float[] cls = pooling == Pooling.CLS_PLUS_MEAN ? new float[hidden] : null; // reused row after row
        for (int row = 0; row < batch.size(); row++) {
            int rowStart = row * length * hidden;
            switch (pooling) {
                case CLS -> values.get(rowStart, vectors[row]);
                case MEAN -> meanOfUnmasked(values, batch, row, length, hidden, vectors[row]);
                case CLS_PLUS_MEAN -> {
                    values.get(rowStart, cls);
                    meanOfUnmasked(values, batch, row, length, hidden, vectors[row]);
                    VectorUtil.l2normalize(cls, false);
                    VectorUtil.l2normalize(vectors[row], false);
                    for (int d = 0; d < hidden; d++) {
                        vectors[row][d] += cls[d];
                    }
                }
            }
        }
        return vectors;
    }

    private static void meanOfUnmasked(FloatBuffer values, TokenBatch batch, int row, int length, int hidden,
                                       float[] target) {
        int tokens = 0;
        for (int position = 0; position < length; position++) {
            if (batch.attentionMask()[row * length + position] == 0) {
                continue;
            }
            int offset = (row * length + position) * hidden;
            for (int d = 0; d < hidden; d++) {
                target[d] += values.get(offset + d);
            }
            tokens++;
        }
        for (int d = 0; d < hidden; d++) {
            target[d] /= Math.max(tokens, 1);
        }
    }

    private static float[][] alreadyPooled(FloatBuffer values, int size, int hidden) {
        float[][] vectors = new float[size][hidden];
        for (int row = 0; row < size; row++) {
            values.get(row * hidden, vectors[row]);
        }
        return vectors;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }
}
