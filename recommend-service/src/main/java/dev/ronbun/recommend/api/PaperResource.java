package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperPage;
import dev.ronbun.recommend.ranking.RelatedPaper;
import dev.ronbun.recommend.ranking.RelatedPapers;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Papers and their related work. */
@Path("/api/papers")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PaperResource {

    private final PaperIndex index;
    private final RelatedPapers related;
    private final RecommendConfig config;

    public PaperResource(PaperIndex index, RelatedPapers related, RecommendConfig config) {
        this.index = index;
        this.related = related;
        this.config = config;
    }

    @GET
    @Operation(summary = "List papers, newest first, with optional filters")
    public Items<PaperListItem> list(@QueryParam("size") Integer size, @QueryParam("page") Integer page,
                                     @QueryParam("kind") String kind, @QueryParam("format") String format,
                                     @QueryParam("presenter") String presenter,
                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        int pageSize = bounded("size", size == null ? 20 : size, 1, config.maxK());
        int pageNumber = bounded("page", page == null ? 0 : page, 0, 10_000);
        PaperFilter filter = new PaperFilter(blankToNull(kind), blankToNull(format), blankToNull(presenter),
                date("from", from), date("to", to));
        PaperPage result = index.list(filter, pageNumber, pageSize);
        return new Items<>(result.papers().stream().map(PaperListItem::of).toList(), result.total());
    }

    @GET
    @Path("/{paperId}")
    @Operation(summary = "One paper with all its summaries, keywords and vector model")
    public PaperEvent get(@PathParam("paperId") String paperId) {
        return index.get(paperId).orElseThrow(() -> unknownPaper(paperId));
    }

    @GET
    @Path("/{paperId}/related")
    @Operation(summary = "Related work: the nearest other papers, with score parts and why")
    public Items<RelatedPaper> related(@PathParam("paperId") String paperId, @QueryParam("k") Integer k) {
        int count = bounded("k", k == null ? config.defaultK() : k, 1, config.maxK());
        return Items.of(related.relatedTo(paperId, count).orElseThrow(() -> unknownPaper(paperId)));
    }

    static ProblemException unknownPaper(String paperId) {
        return ProblemException.notFound("unknown-paper", "No paper with id '" + paperId + "'.");
    }

    static int bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ProblemException.badRequest("invalid-parameter",
                    "Parameter '" + name + "' must be between " + min + " and " + max + ", got " + value + ".");
        }
        return value;
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter",
                    "Parameter '" + name + "' must be an ISO date like 2026-01-31, got '" + value + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
