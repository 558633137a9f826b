package dev.ronbun.contracts.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is a 503 to retry; every other unexpected failure stays a 500. */
class UnexpectedProblemMapperTest {

    private final UnexpectedProblemMapper mapper = new UnexpectedProblemMapper();

    @Test
    void aRefusedConnectionIsAServiceUnavailableToRetry() {
        // what Hibernate wraps when PostgreSQL is down: "Unable to acquire JDBC Connection", SQL state 08001
        Exception down = new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));

        Response response = mapper.toResponse(down);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(((Problem) response.getEntity()).type()).endsWith("database-unavailable");
    }

    @Test
    void aServerShuttingDownOrAPoolTimingOutIsOneToo() {
        assertThat(mapper.toResponse(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01"))).getStatus())
                .isEqualTo(503);
        assertThat(mapper.toResponse(new RuntimeException(
                new SQLTransientConnectionException("Sorry, acquisition timeout!"))).getStatus()).isEqualTo(503);
    }

    @Test
    void aCommitThatLostItsConnectionIsOneToo() {
        // Narayana's rollback after PostgreSQL went away mid-commit: the SQL error is suppressed, not the cause
        Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("XAException.XA_RBROLLBACK",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);

        assertThat(mapper.toResponse(new RuntimeException("Error invoking subclass method", rollback)).getStatus())
                .isEqualTo(503);
    }

    @Test
    void otherFailuresStayInternalErrors() {
        assertThat(mapper.toResponse(new IllegalStateException("a bug")).getStatus()).isEqualTo(500);
        assertThat(mapper.toResponse(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"))).getStatus())
                .isEqualTo(500);
        assertThat(mapper.toResponse(new RuntimeException(new SQLException("no state"))).getStatus()).isEqualTo(500);
    }
}
