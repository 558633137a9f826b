package dev.ronbun.recommend.ranking;

/** Which signals find and order candidates; the service always ranks {@link #HYBRID}, evaluation compares all. */
public enum RankingMode {
    /** HNSW nearest neighbours of the paper or interest vector. */
    VECTOR,
    /** BM25 over the Kuromoji-analysed text (more-like-this for papers, the keywords for keyword interests). */
    BM25,
    /** Both, fused by the configured fusion, plus the character n-gram cosine by its weight. */
    HYBRID,
    /** Both signals' candidates ordered by the character n-gram TF-IDF cosine alone (evaluation). */
    CHARGRAM;

    boolean usesVectors() {
        return this != BM25;
    }

    boolean usesText() {
        return this != VECTOR;
    }

    boolean usesCharGrams() {
        return this == HYBRID || this == CHARGRAM;
    }
}
