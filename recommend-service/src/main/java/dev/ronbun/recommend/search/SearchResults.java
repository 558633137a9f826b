package dev.ronbun.recommend.search;

import dev.ronbun.recommend.index.Snippet;
import dev.ronbun.recommend.ranking.Recommendation;
import java.util.List;

/**
 * One page of search results.
 *
 * @param signals which signals ranked them: {@code bm25}, and {@code vector} when embed-service embedded the query
 * @param notice  why a signal is missing, or null
 * @param total   how many works match in all (those that pass the relevance cut-off, each work once): exact up to
 *                the configured most matches
 * @param noMatch what to tell the reader when nothing matches, or null
 */
public record SearchResults(List<Found> items, List<String> signals, String notice, int total, NoMatch noMatch) {

    /** A found paper with the passages that show why. */
    public record Found(Recommendation recommendation, List<Snippet> snippets) {
    }
}
