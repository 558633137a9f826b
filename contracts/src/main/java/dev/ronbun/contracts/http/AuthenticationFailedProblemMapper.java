package dev.ronbun.contracts.http;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A token that is malformed, badly signed, from another issuer or expired: 401 problem+json. */
@Provider
public class AuthenticationFailedProblemMapper implements ExceptionMapper<AuthenticationFailedException> {

    @Override
    public Response toResponse(AuthenticationFailedException exception) {
        return SecurityProblems.unauthorized();
    }
}
