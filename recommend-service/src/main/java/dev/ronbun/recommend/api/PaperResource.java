package dev.ronbun.recommend.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.PaperFilter;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperPage;
import dev.ronbun.recommend.ranking.NextToRead;
import dev.ronbun.recommend.ranking.RelatedPapers;
import dev.ronbun.recommend.readers.MergedWorks;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Papers and their related work. */
@Path("/api/papers")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PaperResource {

    private final PaperIndexReader index;
    private final RelatedPapers related;
    private final RecommendConfig config;
    private final ServedResults served;
    private final NextToRead nextToRead;
    private final MergedWorks mergedWorks;

    public PaperResource(PaperIndexReader index, RelatedPapers related, RecommendConfig config, ServedResults served,
                         NextToRead nextToRead, MergedWorks mergedWorks) {
        this.index = index;
        this.mergedWorks = mergedWorks;
        this.nextToRead = nextToRead;
        this.served = served;
        this.related = related;
        this.config = config;
    }

    @GET
    @Operation(summary = "List papers, newest first, with optional filters")
    public Items<PaperListItem> list(@QueryParam("size") String size, @QueryParam("page") String page,
                                     @QueryParam("kind") String kind, @QueryParam("format") String format,
                                     @QueryParam("presenter") String presenter,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("tag") String tag) {
        int pageSize = RequestParameters.bounded("size", size, 20, 1, config.maxK());
        int pageNumber = RequestParameters.bounded("page", page, 0, 0, 10_000);
        PaperFilter filter = RequestParameters.filter(kind, format, presenter, from, to, tag);
        PaperPage result = index.list(filter, pageNumber, pageSize);
        return new Items<>(result.papers().stream().map(PaperListItem::of).toList(), result.total());
    }

    @GET
    @Path("/{paperId}")
    @Operation(summary = "One paper with all its summaries, keywords, tags and vector model, and the papers it "
            + "names as next to read (references: title, arxivId, url, and paperId where Ronbun has that paper); each "
            + "summary's Markdown also as sanitised HTML (summaryHtml, bodyHtml, sections[].html: raw HTML escaped, "
            + "links http(s) only)")
    public ObjectNode get(@PathParam("paperId") String paperId) {
        RequestParameters.paperId(paperId);
        // An id merged into another record of the same work (issue 19) answers with that paper.
        PaperEvent paper = index.get(paperId).or(() -> index.get(mergedWorks.resolve(paperId)))
                .orElseThrow(() -> RequestParameters.unknownPaper(paperId));
        // The event as published, its references with the paper each links to now (resolved at read time).
        ObjectNode json = EventJson.mapper().valueToTree(paper);
        json.set("references", EventJson.mapper().valueToTree(nextToRead.linked(paper)));
        SafeMarkdown.addHtml(json);
        return json;
    }

    @GET
    @Path("/{paperId}/bibtex")
    @Produces({"text/x-bibtex", Problem.MEDIA_TYPE})
    @Operation(summary = "One paper as a BibTeX entry, as the library's BibTeX writes it (arXiv papers as @misc with "
            + "eprint and archivePrefix), for the paper page's copy button")
    public Response bibtex(@PathParam("paperId") String paperId) {
        RequestParameters.paperId(paperId);
        PaperEvent paper = index.get(paperId).or(() -> index.get(mergedWorks.resolve(paperId)))
                .orElseThrow(() -> RequestParameters.unknownPaper(paperId));
        return Response.ok(BibTeX.write(List.of(paper)), BibTeX.MEDIA_TYPE).build();
    }

    @GET
    @Path("/{paperId}/related")
    @Operation(summary = "Related work: vector kNN and BM25 more-like-this fused (a convex combination of the two "
            + "scores, or reciprocal rank), diversified by MMR; never the paper itself nor another record of it; with "
            + "score parts and why")
    public Items<RecommendedItem> related(@PathParam("paperId") String paperId, @QueryParam("k") String k) {
        RequestParameters.paperId(paperId);
        int count = RequestParameters.bounded("k", k, config.defaultK(), 1, config.maxK());
        return Items.of(served.related(paperId, count, () -> related.relatedTo(paperId, count)
                .orElseThrow(() -> RequestParameters.unknownPaper(paperId)).stream().map(RecommendedItem::of).toList()));
    }
}
