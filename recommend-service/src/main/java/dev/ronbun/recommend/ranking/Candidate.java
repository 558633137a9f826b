package dev.ronbun.recommend.ranking;

import java.util.Map;

/**
 * A paper that may be recommended, before diversification: only what ranking needs, its full event is loaded for
 * the papers finally chosen.
 *
 * @param vector    its unit vector (for novelty against what is already chosen)
 * @param relevance how well it fits, scaled to [0, 1] within its list (less a penalty where one applies)
 * @param parts     the signals behind the relevance (e.g. vector, bm25, fused)
 * @param group     which interest found it (0 when there is only one)
 */
record Candidate(String paperId, float[] vector, double relevance, Map<String, Double> parts, int group) {
}
