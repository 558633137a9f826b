package dev.ronbun.recommend.ranking;

/** Which signals find and order candidates; the service always ranks {@link #HYBRID}, evaluation compares all. */
public enum RankingMode {
    /** HNSW nearest neighbours of the paper or interest vector. */
    VECTOR,
    /** BM25 over the Kuromoji-analysed text (more-like-this for papers, the keywords for keyword interests). */
    BM25,
    /** Both, fused by reciprocal rank. */
    HYBRID;

    boolean usesVectors() {
        return this != BM25;
    }

    boolean usesText() {
        return this != VECTOR;
    }
}
