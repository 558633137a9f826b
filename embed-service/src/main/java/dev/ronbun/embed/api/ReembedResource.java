package dev.ronbun.embed.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.embed.reembedding.ReembedJob;
import dev.ronbun.embed.reembedding.ReembedProgress;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Starts and follows the re-embedding of every stored summary with the configured model; admins only. */
@Path("/api/admin/reembed")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed(Roles.ADMIN)
public class ReembedResource {

    private final ReembedJob job;

    public ReembedResource(ReembedJob job) {
        this.job = job;
    }

    @GET
    @Operation(summary = "Progress of the re-embed to the configured model; completedAt is set once every paper is"
            + " republished with it")
    public ReembedProgress progress() {
        return job.progress();
    }

    @POST
    @RateLimited
    @Operation(summary = "Start the re-embed unless it is running; answers 202 with the progress at once")
    public Response start() {
        job.start();
        return Response.accepted(job.progress()).build();
    }
}
