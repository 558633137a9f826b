package dev.ronbun.tools.evaluation;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.index.UnitVectors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic papers for the benchmark: paper {@code i} belongs to cluster {@code i % clusters}; its vector
 * is the cluster's random unit centre plus Gaussian noise of the same expected length, renormalised (cosine about 0.7
 * to the centre, about 0.5 within a cluster, about 0 across clusters). With a cone, every vector is then tilted
 * towards one common direction, as anisotropic models embed text (see {@code VectorCentre}). Its Japanese-like text
 * draws most words from
 * the cluster's own vocabulary of katakana and kanji pseudo-terms, joined by common words and particles. Any paper
 * can be regenerated from its number alone, which lets the benchmark compute exact neighbours without keeping every
 * vector in memory.
 */
public final class SyntheticPapers {

    private static final String KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ";
    private static final String KANJI = "学習法型予測評価実験結果提案性能精度生成言語画像音声推論計算効率分布確率最適損失関数層注意表現特徴";
    private static final String[] COMMON = {"モデル", "手法", "学習", "データ", "性能", "実験", "提案", "評価", "精度",
            "タスク", "ベンチマーク", "推論", "計算量", "表現", "構造"};
    private static final String[] CONNECTIVES = {"の", "を用いた", "による", "に基づく", "と"};
    private static final int TERMS_PER_CLUSTER = 40;

    private final long seed;
    private final int dimension;
    private final int clusters;
    private final float[][] centres;
    private final String[][] vocabulary;
    private final Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
    private final double coneCosine;
    private final float[] commonDirection;

    public SyntheticPapers(long seed, int dimension, int clusters) {
        this(seed, dimension, clusters, 0);
    }

    /**
     * @param coneCosine 0 for isotropic vectors; otherwise about the mean cosine of two unrelated papers: each vector
     *                   becomes {@code a u + sqrt(1 - a^2) v} for the common direction u and its isotropic vector v,
     *                   with a^2 = coneCosine and a varied per paper by 0.02 (so 0.82 gives what the bundled model
     *                   gives the shared corpus: mean cosine 0.82, distance from the mean 0.42 +- 0.05)
     */
    SyntheticPapers(long seed, int dimension, int clusters, double coneCosine) {
        if (coneCosine < 0 || coneCosine >= 1) {
            throw new IllegalArgumentException("the cone's cosine must be at least 0 and below 1, not " + coneCosine);
        }
        this.coneCosine = coneCosine;
        this.commonDirection = UnitVectors.normalized(gaussian(new SplittableRandom(seed ^ 0x5eed), dimension, 1.0));
        this.seed = seed;
        this.dimension = dimension;
        this.clusters = clusters;
        this.centres = new float[clusters][];
        this.vocabulary = new String[clusters][TERMS_PER_CLUSTER];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < clusters; c++) {
            centres[c] = UnitVectors.normalized(gaussian(random, dimension, 1.0));
            for (int t = 0; t < TERMS_PER_CLUSTER; t++) {
                vocabulary[c][t] = pseudoTerm(random);
            }
        }
    }

    int clusterOf(int paper) {
        return paper % clusters;
    }

    public static String idOf(int paper) {
        return "synthetic-" + paper;
    }

    /** The vector of paper {@code i}, regenerated identically on every call. */
    float[] vector(int paper) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + paper);
        float[] noise = gaussian(random, dimension, 1.0 / Math.sqrt(dimension));
        float[] centre = centres[clusterOf(paper)];
        for (int d = 0; d < dimension; d++) {
            noise[d] += centre[d];
        }
        return inCone(UnitVectors.normalized(noise), random);
    }

    /** The isotropic unit vector tilted into the cone (see the constructor); as it is without one. */
    private float[] inCone(float[] isotropic, SplittableRandom random) {
        if (coneCosine == 0) {
            return isotropic;
        }
        double a = Math.min(0.999, Math.max(0, Math.sqrt(coneCosine) + 0.02 * random.nextGaussian()));
        double b = Math.sqrt(1 - a * a);
        float[] tilted = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            tilted[d] = (float) (a * commonDirection[d] + b * isotropic[d]);
        }
        return UnitVectors.normalized(tilted);
    }

    /** A query near cluster {@code c}: its centre plus noise, like a paper that is not in the index. */
    float[] queryNear(int cluster, long querySeed) {
        SplittableRandom random = new SplittableRandom(querySeed);
        float[] noise = gaussian(random, dimension, 1.0 / Math.sqrt(dimension));
        for (int d = 0; d < dimension; d++) {
            noise[d] += centres[cluster][d];
        }
        return inCone(UnitVectors.normalized(noise), random);
    }

    public PaperEvent paper(int paper) {
        SplittableRandom random = new SplittableRandom(seed * 7_919L + paper);
        String[] terms = vocabulary[clusterOf(paper)];
        String title = terms[random.nextInt(terms.length)] + CONNECTIVES[random.nextInt(CONNECTIVES.length)]
                + terms[random.nextInt(terms.length)] + "の" + COMMON[random.nextInt(COMMON.length)];
        StringBuilder body = new StringBuilder("本研究では");
        for (int sentence = 0; sentence < 6; sentence++) {
            body.append(terms[random.nextInt(terms.length)]).append(CONNECTIVES[random.nextInt(CONNECTIVES.length)])
                    .append(COMMON[random.nextInt(COMMON.length)]).append("を")
                    .append(terms[random.nextInt(terms.length)]).append("で改善し、")
                    .append(COMMON[random.nextInt(COMMON.length)]).append("が向上した。");
        }
        List<Keyword> keywords = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            keywords.add(new Keyword(terms[random.nextInt(terms.length)], 1.0 - 0.1 * k));
        }
        Instant seen = epoch.plusSeconds(paper * 60L);
        PaperSummary summary = new PaperSummary(idOf(paper) + "#0", "synthetic", "synthetic.txt", "structured-summary",
                null, LocalDate.of(2026, 1, 1).plusDays(paper % 365), title + "についての要約。", List.of(),
                body.toString());
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, idOf(paper), "synthetic:" + paper, null, title, null,
                List.of(), List.of("著者" + (paper % 1000)), "paper", List.of(summary), keywords,
                new PaperEmbedding("synthetic", "synthetic-v1", vector(paper)), seen, seen);
    }

    private static float[] gaussian(SplittableRandom random, int dimension, double scale) {
        float[] vector = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            vector[d] = (float) (random.nextGaussian() * scale);
        }
        return vector;
    }

    private static String pseudoTerm(SplittableRandom random) {
        StringBuilder term = new StringBuilder();
        if (random.nextBoolean()) {
            int length = 3 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                term.append(KATAKANA.charAt(random.nextInt(KATAKANA.length())));
            }
        } else {
            int length = 2 + random.nextInt(2);
            for (int i = 0; i < length; i++) {
                term.append(KANJI.charAt(random.nextInt(KANJI.length())));
            }
        }
        return term.toString();
    }
}
