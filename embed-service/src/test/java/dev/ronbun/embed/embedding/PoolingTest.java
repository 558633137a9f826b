package dev.ronbun.embed.embedding;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The three poolings over the bundled model's real token states. */
class PoolingTest {

    private static final List<String> TEXTS = List.of("大規模言語モデルの知識蒸留について読んだ。",
            "LoRA は低ランク行列で重みの差分を学習する。");

    @Test
    void clsPlusMeanIsTheSumOfTheUnitClsAndUnitMeanVectors() throws IOException {
        float[][] cls = embed(Pooling.CLS);
        float[][] mean = embed(Pooling.MEAN);
        float[][] both = embed(Pooling.CLS_PLUS_MEAN);

        for (int t = 0; t < TEXTS.size(); t++) {
            float[] expected = new float[cls[t].length];
            for (int d = 0; d < expected.length; d++) {
                expected[d] = cls[t][d] + mean[t][d]; // both already unit length (normalizeEmbeddings)
            }
            VectorUtil.l2normalize(expected);
            for (int d = 0; d < expected.length; d++) {
                assertThat(both[t][d]).isCloseTo(expected[d], within(1e-5f));
            }
            assertThat(VectorUtil.dotProduct(cls[t], mean[t])).as("the two poolings differ").isLessThan(0.99f);
            assertThat(VectorUtil.dotProduct(both[t], both[t])).isCloseTo(1f, within(1e-5f));
        }
    }

    private static float[][] embed(Pooling pooling) throws IOException {
        ModelFolder bundled = TestModels.bundled();
        ModelFolder folder = bundled.withDescriptor(bundled.descriptor().withPooling(pooling));
        try (TextEmbedder embedder = new TextEmbedder(folder, EmbedderSettings.defaults())) {
            return embedder.embedPassages(TEXTS);
        }
    }
}
