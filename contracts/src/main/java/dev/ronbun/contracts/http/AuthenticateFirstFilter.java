package dev.ronbun.contracts.http;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authentication before content negotiation: every {@code /api/} endpoint wants a token, so a request without one
 * is 401 whatever its headers say; then a malformed {@code Content-Type} is 415 and a malformed {@code Accept} 400,
 * problem+json, before the framework tries (and fails) to parse them. Runs before matching, on the event loop, with
 * the lazily authenticated identity (proactive authentication is off).
 */
public class AuthenticateFirstFilter {

    private final CurrentIdentityAssociation identities;

    public AuthenticateFirstFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> authenticateFirst(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous()) {
                return SecurityProblems.unauthorized();
            }
            Optional<String> contentType = MediaTypes.contentTypeFlaw(request.getHeaderString(HttpHeaders.CONTENT_TYPE));
            if (contentType.isPresent()) {
                return problem(415, "unsupported-media-type", "Unsupported media type",
                        "The Content-Type header is malformed: " + contentType.get() + ".");
            }
            Optional<String> accept = MediaTypes.acceptFlaw(request.getHeaderString(HttpHeaders.ACCEPT));
            return accept.map(flaw -> problem(400, "malformed-accept", "Bad request",
                    "The Accept header is malformed: " + flaw + ".")).orElse(null);
        });
    }

    private static Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, type, title, detail)).build();
    }
}
