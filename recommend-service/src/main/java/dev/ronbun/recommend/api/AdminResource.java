package dev.ronbun.recommend.api;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.QueryParameters;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.pipeline.PaperReplay;
import dev.ronbun.recommend.pipeline.ReplayProgress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operating the index: rebuild it from the topic, export what it holds; admins only. */
@Path("/api/admin")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    static final String JSON_LINES = "application/x-ndjson";

    private final PaperReplay replay;
    private final PaperIndexReader index;

    public AdminResource(PaperReplay replay, PaperIndexReader index) {
        this.replay = replay;
        this.index = index;
    }

    @POST
    @Path("/reindex")
    @RateLimited
    @Operation(summary = "Clear the index and rebuild it by replaying ronbun.papers.v1 from the beginning "
            + "(clear=false replays without clearing); 202 with the progress, 409 while one runs")
    public Response reindex(@QueryParam("clear") String clear) {
        ReplayProgress progress = replay.start(QueryParameters.flag("clear", clear, true), "requested");
        return Response.accepted(progress).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/reindex")
    @Operation(summary = "Progress of the running or last reindex")
    public ReplayProgress reindexProgress() {
        return replay.progress();
    }

    @GET
    @Path("/papers.jsonl")
    @Produces({JSON_LINES, Problem.MEDIA_TYPE})
    @Operation(summary = "Every indexed paper as one PaperEvent JSON per line (vectors included), for offline "
            + "evaluation")
    public Response exportPapers() {
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            try {
                index.forEach(paper -> {
                    try {
                        writer.write(EventJson.write(paper));
                        writer.write('\n');
                    } catch (java.io.IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, JSON_LINES + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"papers.jsonl\"").build();
    }
}
