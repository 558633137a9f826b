package dev.ronbun.recommend.ranking;

import java.util.Map;

/**
 * A recommended paper with its score, the parts that made the score, and a short human explanation.
 *
 * @param score      the final ranking score (higher is better)
 * @param scoreParts the signals behind the score, e.g. {@code vector} (cosine similarity)
 * @param why        e.g. "共通キーワード: 拡散モデル, 蒸留"
 */
public record RelatedPaper(String paperId, String title, String titleJa, String arxivId, double score,
                           Map<String, Double> scoreParts, String why) {
}
