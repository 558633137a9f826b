package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.Problem;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.digests.DigestSubscriptions;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A digest's unsubscribe link, which needs no login: the secret in the path stands for the reader. Opening it shows a
 * confirmation page; posting to it (the page's button, or a mail client's one-click unsubscribe, RFC 8058) turns the
 * digest off. Outside {@code /api/}, where every request needs a token.
 */
@Path("/digests/unsubscribe")
@PermitAll
public class DigestUnsubscribeResource {

    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    private final DigestSubscriptions subscriptions;
    private final Template page;
    private final RecommendConfig config;
    private final Clock clock;

    public DigestUnsubscribeResource(DigestSubscriptions subscriptions,
                                     @Location("digests/unsubscribe.html") Template page, RecommendConfig config,
                                     Clock clock) {
        this.subscriptions = subscriptions;
        this.page = page;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/{secret}")
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "The confirmation page of a digest's unsubscribe link; 404 for an unknown or expired link")
    public Response confirm(@PathParam("secret") String secret) {
        readerFor(secret);
        return page(false);
    }

    @POST
    @Path("/{secret}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Turn the digest off (the page's button, or List-Unsubscribe-Post one-click); the same page"
            + " again when it was already off")
    public Response unsubscribe(@PathParam("secret") String secret) {
        subscriptions.turnOff(readerFor(secret));
        return page(true);
    }

    private String readerFor(String secret) {
        return (SECRET.matcher(secret).matches()
                ? subscriptions.readerForUnsubscribe(secret,
                        clock.instant().minus(config.digests().unsubscribeLinkValidFor()))
                : java.util.Optional.<String>empty())
                .orElseThrow(() -> ProblemException.notFound("unknown-unsubscribe-link",
                        "この配信停止リンクは無効か期限切れです。読者ページで配信を停止できます。"
                                + " (This unsubscribe link is unknown or expired; the reader page can stop digests.)"));
    }

    private Response page(boolean done) {
        return Response.ok(page.data("done", done).render(), MediaType.TEXT_HTML + ";charset=UTF-8")
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("Cache-Control", "no-store")
                .build();
    }
}
