package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import java.util.Map;

/**
 * A recommended paper with its final score, the parts that made the score, and a short human explanation.
 *
 * @param score      the ranking score (higher is better; the list is ordered by it)
 * @param scoreParts the signals behind the score, e.g. {@code vector} (cosine), {@code bm25}, {@code fused} (RRF)
 * @param why        e.g. "共通キーワード: 拡散モデル, 蒸留 (shared keywords)"
 */
public record Recommendation(PaperEvent paper, double score, Map<String, Double> scoreParts, String why) {
}
