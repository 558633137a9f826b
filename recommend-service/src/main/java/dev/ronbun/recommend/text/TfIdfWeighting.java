package dev.ronbun.recommend.text;

/**
 * The weighting of arxiv-sanity-lite's TF-IDF (scikit-learn's {@code sublinear_tf=True, smooth_idf=True}), written
 * once: the evaluation's anchor ({@link CharNgramTfIdf}) and the index's character n-gram signal must weigh alike,
 * or the comparison between them measures the formula instead of the ranking.
 */
public final class TfIdfWeighting {

    private TfIdfWeighting() {
    }

    /** {@code (1 + ln tf) * idf} for a term counted {@code count} times (at least once). */
    public static double weight(long count, double idf) {
        return (1.0 + Math.log(count)) * idf;
    }

    /** {@code 1 + ln((1 + n) / (1 + df))}: smoothed, as if one more document held every term. */
    public static double idf(long documents, long documentFrequency) {
        return 1.0 + Math.log((1.0 + documents) / (1.0 + documentFrequency));
    }
}
