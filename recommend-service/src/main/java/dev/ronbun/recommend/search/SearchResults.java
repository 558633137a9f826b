package dev.ronbun.recommend.search;

import dev.ronbun.recommend.ranking.Recommendation;
import java.util.List;

/**
 * One page of search results.
 *
 * @param signals which signals ranked them: {@code bm25}, and {@code vector} when embed-service embedded the query
 * @param notice  why a signal is missing, or null
 * @param total   how many candidates the signals found in all
 */
public record SearchResults(List<Recommendation> items, List<String> signals, String notice, int total) {
}
