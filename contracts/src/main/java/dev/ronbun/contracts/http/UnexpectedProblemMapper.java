package dev.ronbun.contracts.http;

import dev.ronbun.contracts.FailureClassifier;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The last resort: anything no other mapper claims is a 500 with a problem+json body that says nothing about the
 * inside, logged with its message escaped (a hostile value in an exception message cannot forge log lines). A database
 * that cannot be reached (restarting, failing over, down) is no fault of the request nor a bug: a 503 with
 * {@code Retry-After}, logged as one warning line, so that clients retry (which SQL errors count:
 * {@link FailureClassifier#databaseUnreachable}).
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    /** Seconds a client is asked to wait before trying again while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Exception exception) {
        SQLException unreachable = FailureClassifier.databaseUnreachable(exception);
        if (unreachable != null) {
            LOG.warnf("The database could not be reached answering a request (SQL state %s): %s",
                    unreachable.getSQLState(), UnsafeText.forLog(unreachable.getMessage()));
            Problem problem = Problem.of(503, "database-unavailable", "Service unavailable",
                    "The database could not be reached; try again in a few seconds.");
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(problem).build();
        }
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
