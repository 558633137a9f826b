package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.RateLimiter;
import dev.ronbun.recommend.ranking.Feed;
import dev.ronbun.recommend.ranking.ReaderRecommendations;
import dev.ronbun.recommend.readers.FeedUrls;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A reader's Atom feed at their secret URL, for feed readers that cannot send a bearer token: the secret in the path
 * stands for the reader. It lives outside {@code /api/}, where every request needs a token; an unknown or revoked
 * secret is 404, and each fetch spends the reader's compute allowance like any ranking.
 */
@Path("/feeds/readers")
@PermitAll
public class SecretFeedResource {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final FeedUrls feedUrls;
    private final ReaderRecommendations recommendations;
    private final RateLimiter limiter;

    public SecretFeedResource(FeedUrls feedUrls, ReaderRecommendations recommendations, RateLimiter limiter) {
        this.feedUrls = feedUrls;
        this.recommendations = recommendations;
        this.limiter = limiter;
    }

    /** The path, relative to the base URI, of the feed a secret opens. */
    static String path(String secret) {
        return "feeds/readers/" + secret + ".atom";
    }

    @GET
    @Path("/{secret}.atom")
    @Produces({AtomFeed.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @Operation(summary = "A reader's Atom feed at their secret URL (POST /api/readers/{readerId}/feed-url): the newest "
            + "ranked papers of recent days, the same on every fetch; 404 once revoked; kind, format and presenter "
            + "narrow it as on the other feeds (a feed reader can subscribe to the papers alone, say)")
    public Response feed(@PathParam("secret") String secret, @QueryParam("kind") String kind,
                         @QueryParam("format") String format, @QueryParam("presenter") String presenter,
                         @Context UriInfo uri) {
        // A path that cannot be a secret is not looked up; either way the answer is the same 404.
        Optional<String> reader = SECRET.matcher(secret).matches() ? feedUrls.readerFor(secret) : Optional.empty();
        String readerId = reader.orElseThrow(() -> ProblemException.notFound("unknown-feed-url",
                        "This feed URL is unknown or was revoked; ask the reader page for a new one."));
        limiter.require(RateLimiter.Limit.COMPUTE, "feed:" + readerId, 1);
        Feed feed = recommendations.window(readerId, RequestParameters.filter(kind, format, presenter, null, null));
        return Response.ok(AtomFeed.write(readerId, feed, uri.getBaseUri(),
                        uri.getBaseUri().resolve(path(secret)).toString()), AtomFeed.MEDIA_TYPE + ";charset=UTF-8")
                .build();
    }
}
