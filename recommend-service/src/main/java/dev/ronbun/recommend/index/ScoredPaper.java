package dev.ronbun.recommend.index;

/**
 * A paper found by a query, as cheaply as ranking needs it: its id, its vector (centred, see
 * {@link PaperIndexReader#centre()}) and the query's score for it (the centred cosine for vector queries, BM25 for text
 * queries). The full event is loaded only for what is finally shown.
 */
public record ScoredPaper(String paperId, float[] vector, float score) {
}
