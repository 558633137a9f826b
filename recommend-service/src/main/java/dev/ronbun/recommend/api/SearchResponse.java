package dev.ronbun.recommend.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of search results.
 *
 * @param signals {@code ["bm25", "vector"]}, or {@code ["bm25"]} when the query could not be embedded
 * @param notice  why a signal is missing, absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(List<RecommendedItem> items, long total, List<String> signals, String notice) {
}
