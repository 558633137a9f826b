package dev.ronbun.contracts.http;

import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request without a token: 401 problem+json. */
@Provider
public class UnauthorizedProblemMapper implements ExceptionMapper<UnauthorizedException> {

    @Override
    public Response toResponse(UnauthorizedException exception) {
        return SecurityProblems.unauthorized();
    }
}
