package dev.ronbun.contracts.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The problem+json answers to requests without a valid token (401, with a bearer challenge) and to tokens whose
 * role may not do what was asked (403). Details never repeat the token.
 */
public final class SecurityProblems {

    private SecurityProblems() {
    }

    public static Response unauthorized() {
        Problem problem = Problem.of(401, "unauthorized", "Unauthorized",
                "Send a valid, unexpired token as 'Authorization: Bearer <token>' (./ronbun token prints one).");
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public static Response forbidden(String detail) {
        Problem problem = Problem.of(403, "forbidden", "Forbidden",
                detail == null || detail.isBlank() ? "This token's role may not do this." : detail);
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
