package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.PaperEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Papers of a few topics and a few outliers, as the bundled model embeds them: every vector in a narrow cone around
 * one common direction (mean cosine about 0.8), a topic's papers near the topic's own direction, an outlier near none.
 * A topic's papers share its keyword and the keyword every paper has ("モデル"); an outlier has only the common one.
 */
final class ClusteredPapers {

    static final int DIMENSION = 64;
    static final String COMMON_KEYWORD = "モデル";

    private final List<PaperEvent> papers = new ArrayList<>();
    private final List<String> outliers = new ArrayList<>();

    ClusteredPapers(int topics, int papersPerTopic, int outlierCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] common = unit(gaussian(random));
        float[][] centres = new float[topics][];
        for (int t = 0; t < topics; t++) {
            centres[t] = unit(gaussian(random));
        }
        for (int t = 0; t < topics; t++) {
            for (int p = 0; p < papersPerTopic; p++) {
                float[] v = gaussian(random);
                for (int d = 0; d < DIMENSION; d++) {
                    v[d] = centres[t][d] + v[d] * 0.8f / (float) Math.sqrt(DIMENSION);
                }
                papers.add(TopicMapTest.paper("t%02d-%03d".formatted(t, p), "m", inCone(common, unit(v)),
                        COMMON_KEYWORD, keywordOf(t)));
            }
        }
        for (int o = 0; o < outlierCount; o++) {
            String id = "outlier-%02d".formatted(o);
            papers.add(TopicMapTest.paper(id, "m", inCone(common, unit(gaussian(random))), COMMON_KEYWORD));
            outliers.add(id);
        }
    }

    static String keywordOf(int topic) {
        return "話題" + (char) ('甲' + topic);
    }

    static int topicOf(String paperId) {
        return paperId.startsWith("t") ? Integer.parseInt(paperId.substring(1, 3)) : -1;
    }

    List<PaperEvent> papers() {
        return papers;
    }

    List<String> outliers() {
        return outliers;
    }

    private static float[] inCone(float[] common, float[] direction) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = 0.9f * common[d] + 0.44f * direction[d];
        }
        return unit(v);
    }

    private static float[] gaussian(SplittableRandom random) {
        float[] v = new float[DIMENSION];
        for (int d = 0; d < DIMENSION; d++) {
            v[d] = (float) nextGaussian(random);
        }
        return v;
    }

    private static double nextGaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static float[] unit(float[] v) {
        double length = 0;
        for (float x : v) {
            length += x * x;
        }
        float scale = (float) (1 / Math.sqrt(length));
        float[] u = new float[v.length];
        for (int d = 0; d < v.length; d++) {
            u[d] = v[d] * scale;
        }
        return u;
    }
}
