package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimiter;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.search.HybridSearch;
import dev.ronbun.recommend.search.SearchResults;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Search over all papers, Japanese or English. */
@Path("/api/search")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SearchResource {

    private static final int MAX_QUERY_LENGTH = 1000;

    private final HybridSearch search;
    private final RecommendConfig config;
    private final RateLimiter limiter;
    private final SecurityIdentity caller;

    public SearchResource(HybridSearch search, RecommendConfig config, RateLimiter limiter, SecurityIdentity caller) {
        this.search = search;
        this.config = config;
        this.limiter = limiter;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Hybrid search: BM25 (Kuromoji) fused with kNN on the query's vector from embed-service; "
            + "BM25 only when embed-service is unreachable (signals says which ran). Only matches are returned (a "
            + "query term in the text, or a vector above the relevance cut-off); total counts them all; page (from "
            + "0) and size page through them; each item has snippets with the matched ranges")
    public SearchResponse search(@QueryParam("q") String q, @QueryParam("size") String size,
                                 @QueryParam("page") String page, @QueryParam("kind") String kind,
                                 @QueryParam("format") String format, @QueryParam("presenter") String presenter,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("tag") String tag) {
        if (q == null || q.isBlank() || q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("invalid-parameter",
                    "Parameter 'q' is required: the search text, at most " + MAX_QUERY_LENGTH + " characters.");
        }
        int pageSize = RequestParameters.bounded("size", size, config.defaultK(), 1, config.maxK());
        int pageNumber = RequestParameters.bounded("page", page, 0, 0, 1000);
        PaperFilter filter = RequestParameters.filter(kind, format, presenter, from, to, tag);
        // Every search ranks (and may embed the query), so each counts against the caller's compute allowance.
        limiter.require(RateLimiter.Limit.COMPUTE, caller, 1);
        SearchResults results = search.search(q.strip(), filter, pageNumber, pageSize);
        return SearchResponse.of(results, pageNumber, pageSize);
    }
}
