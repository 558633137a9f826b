package dev.ronbun.contracts.http;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The last resort: anything no other mapper claims is a 500 with a problem+json body that says nothing about the
 * inside, logged with its message escaped (a hostile value in an exception message cannot forge log lines). A database
 * that cannot be reached (restarting, failing over, down) is no fault of the request nor a bug: a 503 with
 * {@code Retry-After}, logged as one warning line, so that clients retry and nothing was stored.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    /** Seconds a client is asked to wait before trying again while the database is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(Exception exception) {
        SQLException unreachable = databaseUnreachable(exception);
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

    /**
     * The SQL error among the failure's causes that says the connection failed: SQL state class 08 (connection
     * exception), 57P01–57P03 (the server shutting down or not accepting connections yet), or a transient connection
     * error (the pool timing out while the server is away); null for anything else. Suppressed exceptions are looked
     * at too: a transaction manager whose commit failed that way reports it as one (Narayana's rollback after the
     * connection was lost).
     */
    static SQLException databaseUnreachable(Throwable failure) {
        Deque<Throwable> toVisit = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!toVisit.isEmpty() && seen.size() < 64) {
            Throwable cause = toVisit.poll();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLTransientConnectionException transientFailure) {
                return transientFailure;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return sql;
            }
            if (cause.getCause() != null) {
                toVisit.add(cause.getCause());
            }
            toVisit.addAll(List.of(cause.getSuppressed()));
        }
        return null;
    }
}
