package dev.ronbun.recommend.ranking;

/**
 * A paper named as next to read, as the paper page shows it.
 *
 * @param paperId the paper Ronbun has for it, resolved when read; null while Ronbun does not have it
 */
public record LinkedReference(String title, String arxivId, String url, String paperId) {
}
