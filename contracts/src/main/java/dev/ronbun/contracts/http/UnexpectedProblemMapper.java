package dev.ronbun.contracts.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The last resort: anything no other mapper claims is a 500 with a problem+json body that says nothing about the
 * inside, logged with its message escaped (a hostile value in an exception message cannot forge log lines).
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        // The stack trace stays; the message (which may quote the request) is escaped.
        RuntimeException logged = new RuntimeException(exception.getClass().getName() + ": "
                + UnsafeText.forLog(exception.getMessage()));
        logged.setStackTrace(exception.getStackTrace());
        LOG.error("Unexpected failure answering a request", logged);
        Problem problem = Problem.of(500, "internal-error", "Internal server error",
                "The server failed to answer this request; it has been logged.");
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
