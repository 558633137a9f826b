package dev.ronbun.recommend.search;

import java.util.List;

/**
 * What a search that matched nothing tells the reader, in Japanese.
 *
 * @param message     「…」に一致する論文はありません, with the query as asked
 * @param didYouMean  the index's terms nearest in spelling to the query's words, to search for instead (may be empty)
 */
public record NoMatch(String message, List<String> didYouMean) {

    /** Longest part of the query repeated in the message; the rest is cut with an ellipsis. */
    private static final int QUERY_SHOWN = 40;

    static NoMatch forQuery(String query, List<String> didYouMean) {
        String shown = query.length() > QUERY_SHOWN ? query.substring(0, QUERY_SHOWN) + "…" : query;
        return new NoMatch("「" + shown + "」に一致する論文はありません", List.copyOf(didYouMean));
    }
}
