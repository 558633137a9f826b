package dev.ronbun.ingest.feeds;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimited;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.contracts.http.UnsafeText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Feed subscriptions, for curators and admins: register, list with status, poll now, remove. */
@Path("/api/feeds")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({Roles.CURATOR, Roles.ADMIN})
public class FeedResource {

    static final int MAX_NAME_LENGTH = 200;
    static final int FAILED_ENTRIES_SHOWN = 20;

    private final FeedStore store;
    private final FeedAddresses addresses;
    private final FeedPoller poller;

    public FeedResource(FeedStore store, FeedAddresses addresses, FeedPoller poller) {
        this.store = store;
        this.addresses = addresses;
        this.poller = poller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited
    @Operation(summary = "Register an RSS, Atom or JSON Feed URL; it is polled at once and then on a schedule")
    public Response register(FeedRegistration registration) {
        if (registration == null) {
            throw ProblemException.badRequest("missing-feed", "Send {\"url\": \"https://…/feed.xml\", \"name\": \"…\"}.");
        }
        URI uri;
        try {
            uri = addresses.require(registration.url());
        } catch (FeedException e) {
            throw ProblemException.badRequest("feed-url-refused", e.getMessage());
        }
        String name = cleanName(registration.name());
        FeedStore.Registration result = store.register(uri.toString(), name, Instant.now());
        FeedView view = FeedView.of(result.feed(), null);
        if (!result.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/api/feeds/" + result.feed().id)).entity(view).build();
    }

    @GET
    @Operation(summary = "Every feed with its status")
    public List<FeedView> list() {
        return store.list().stream().map(feed -> FeedView.of(feed, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One feed with its status and its latest failed entries")
    public FeedView get(@PathParam("id") String id) {
        long feedId = feedId(id);
        Feed feed = store.find(feedId).orElseThrow(() -> notFound(id));
        return FeedView.of(feed, store.recentFailures(feedId, FAILED_ENTRIES_SHOWN));
    }

    @POST
    @Path("/{id}/poll")
    @RateLimited
    @Operation(summary = "Poll the feed now and answer with its status")
    public FeedView poll(@PathParam("id") String id) {
        long feedId = feedId(id);
        Feed feed = poller.poll(feedId).orElseThrow(() -> notFound(id));
        return FeedView.of(feed, store.recentFailures(feedId, FAILED_ENTRIES_SHOWN));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Stop polling the feed and forget it (papers already ingested stay)")
    public Response delete(@PathParam("id") String id) {
        if (!store.delete(feedId(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        UnsafeText.require("name", name);
        String clean = name.strip();
        if (clean.length() > MAX_NAME_LENGTH) {
            throw ProblemException.badRequest("feed-name-too-long",
                    "The name has " + clean.length() + " characters; at most " + MAX_NAME_LENGTH + " are kept.");
        }
        return clean;
    }

    private static long feedId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("feed-not-found", "There is no feed " + UnsafeText.forLog(id) + ".");
    }
}
