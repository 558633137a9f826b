package dev.ronbun.recommend.feeds;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.contracts.http.UnsafeText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The feed subscriptions of ingest-service, for the web UI's フィード page, which talks only to this service: each
 * request is forwarded to ingest-service's {@code /api/feeds} with the caller's token, and its answer (a problem
 * included) comes back unchanged.
 */
@Path("/api/feeds")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.CURATOR, Roles.ADMIN})
public class FeedProxyResource {

    private final IngestFeeds ingest;

    public FeedProxyResource(IngestFeeds ingest) {
        this.ingest = ingest;
    }

    @GET
    @Operation(summary = "Every feed with its status (from ingest-service)")
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return relay(ingest.forward("GET", "", authorization, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited
    @Operation(summary = "Register a feed URL with ingest-service; it is polled at once and then on a schedule")
    public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String registration) {
        return relay(ingest.forward("POST", "", authorization, registration == null ? "" : registration));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed with its status and its latest failed entries (from ingest-service)")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return relay(ingest.forward("GET", "/" + feedId(id), authorization, null));
    }

    @POST
    @Path("/{id}/poll")
    @RateLimited
    @Operation(summary = "Have ingest-service poll the feed now; answers with its status")
    public Response poll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return relay(ingest.forward("POST", "/" + feedId(id) + "/poll", authorization, null));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Have ingest-service stop polling the feed and forget it (its papers stay)")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return relay(ingest.forward("DELETE", "/" + feedId(id), authorization, null));
    }

    private static Response relay(IngestFeeds.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body() != null && answer.body().length > 0) {
            response.entity(answer.body()).type(answer.contentType() == null ? MediaType.APPLICATION_JSON
                    : answer.contentType());
        }
        return response.build();
    }

    /** Feed ids are numbers; anything else never reaches ingest's URL. */
    private static String feedId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw ProblemException.notFound("feed-not-found", "There is no feed " + UnsafeText.forLog(id) + ".");
        }
        return id;
    }
}
