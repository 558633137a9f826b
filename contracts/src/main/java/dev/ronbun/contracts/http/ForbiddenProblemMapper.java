package dev.ronbun.contracts.http;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A valid token whose role may not do this: 403 problem+json. */
@Provider
public class ForbiddenProblemMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException exception) {
        return SecurityProblems.forbidden(exception.getMessage());
    }
}
