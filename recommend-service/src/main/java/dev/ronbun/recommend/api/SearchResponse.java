package dev.ronbun.recommend.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.ronbun.recommend.search.NoMatch;
import dev.ronbun.recommend.search.SearchResults;
import dev.ronbun.recommend.index.Snippet;
import java.util.List;

/**
 * One page of search results.
 *
 * @param total   how many works match in all (every page together), not the size of this page
 * @param page    this page's number, from 0
 * @param size    the page size asked for
 * @param signals {@code ["bm25", "vector"]}, or {@code ["bm25"]} when the query could not be embedded
 * @param notice  why a signal is missing, absent otherwise
 * @param noMatch absent unless nothing matched: a message in Japanese and the index's terms nearest to the query's
 *                words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(List<FoundItem> items, long total, int page, int size, List<String> signals,
                             String notice, NoMatch noMatch) {

    static SearchResponse of(SearchResults results, int page, int size) {
        return new SearchResponse(results.items().stream()
                .map(found -> new FoundItem(RecommendedItem.of(found.recommendation()), found.snippets())).toList(),
                results.total(), page, size, results.signals(), results.notice(), results.noMatch());
    }

    /**
     * A found paper: the fields of every listed paper, and its passages with the query's terms marked as ranges of
     * plain text (the page builds the marks; no markup comes from documents).
     */
    public record FoundItem(@JsonUnwrapped RecommendedItem paper, List<Snippet> snippets) {
    }
}
