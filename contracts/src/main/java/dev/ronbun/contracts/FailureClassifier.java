package dev.ronbun.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that retrying can cure (the database or the broker is away) from one it never can (the record
 * breaks a rule of the database or of its contract), by walking the cause chain. An SQLState anywhere in the chain
 * decides first, because it is the most precise evidence (SQLState classes per the SQL standard and PostgreSQL's
 * Appendix A); then the outermost exception whose type is known. Framework types (Hibernate, Kafka, Bean
 * Validation) are matched by name so that this library needs none of them on its class path.
 */
public final class FailureClassifier {

    /** Longest reason kept: enough for the database's message, short enough for a header and a log line. */
    static final int MAX_REASON = 400;
    /** Most exceptions looked at in one failure (a cause cycle or a flood of suppressed ones ends there). */
    private static final int MAX_CHAIN = 64;

    private static final Set<String> PERMANENT_TYPES = Set.of(
            "org.hibernate.exception.ConstraintViolationException",
            "org.hibernate.exception.DataException",
            "org.hibernate.exception.SQLGrammarException",
            "org.hibernate.PropertyValueException",
            "jakarta.validation.ConstraintViolationException",
            "jakarta.validation.ValidationException",
            "org.apache.kafka.common.errors.RecordTooLargeException",
            "org.apache.kafka.common.errors.SerializationException",
            "org.apache.kafka.common.errors.InvalidTopicException");

    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            // Kafka's own word for "try again": broker unreachable, leader moving, request timed out.
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.DisconnectException");

    private FailureClassifier() {
    }

    public static FailureKind classify(Throwable failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql) {
                FailureKind kind = bySqlState(sql.getSQLState());
                if (kind != null) {
                    return kind;
                }
            }
        }
        for (Throwable t : chain(failure)) {
            FailureKind kind = byType(t);
            if (kind != null) {
                return kind;
            }
        }
        return FailureKind.UNKNOWN;
    }

    /**
     * A one-line reason for logs and the {@code dead-letter-reason} header: the most precise message in the chain
     * (the database's own, with its SQLState, when there is one), control characters such as NUL escaped.
     */
    public static String reason(Throwable failure) {
        SQLException deepest = null;
        for (Throwable t : chain(failure)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                deepest = sql;
            }
        }
        if (deepest != null) {
            // the deepest is the server's own message; a batch's wrapper quotes the whole statement with its values
            return printable(firstLine(deepest.getMessage()) + " (SQLState " + deepest.getSQLState() + ")");
        }
        Throwable root = failure;
        for (Throwable t : chain(failure)) {
            root = t;
        }
        String message = firstLine(failure.getMessage());
        String rootMessage = firstLine(root.getMessage());
        String text = root == failure || rootMessage.isEmpty() ? failure.getClass().getSimpleName() + ": " + message
                : failure.getClass().getSimpleName() + ": " + message + "; caused by " + root.getClass().getSimpleName()
                + ": " + rootMessage;
        return printable(text);
    }

    /**
     * Escapes control characters (a NUL in an id, a line break) so that a reason stays one readable line, and cuts
     * it at {@value #MAX_REASON} characters.
     */
    public static String printable(String text) {
        if (text.length() > MAX_REASON) {
            text = text.substring(0, MAX_REASON) + "…";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static FailureKind bySqlState(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        String sqlClass = state.substring(0, 2);
        return switch (sqlClass) {
            // data exception (22021: a NUL in UTF-8 text), integrity constraint, syntax or access rule,
            // program limit exceeded (a row or index entry too large)
            case "22", "23", "42", "54" -> FailureKind.PERMANENT;
            // connection exception, insufficient resources, system error (I/O)
            case "08", "53", "58" -> FailureKind.TRANSIENT;
            // serialization failure, deadlock: the transaction may simply be run again
            case "40" -> state.equals("40001") || state.equals("40P01") ? FailureKind.TRANSIENT : null;
            // the server is shutting down, crashing or starting; a statement timed out or was cancelled
            case "57" -> state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("57014") ? FailureKind.TRANSIENT : null;
            // a lock not available now
            case "55" -> state.equals("55P03") ? FailureKind.TRANSIENT : null;
            // a read-only transaction: the primary is failing over to a standby
            case "25" -> state.equals("25006") ? FailureKind.TRANSIENT : null;
            default -> null;
        };
    }

    private static FailureKind byType(Throwable t) {
        if (t instanceof InvalidEventException || t instanceof JsonProcessingException
                || t instanceof CharacterCodingException || t instanceof IllegalArgumentException
                || t instanceof SQLDataException || t instanceof SQLIntegrityConstraintViolationException
                || t instanceof SQLSyntaxErrorException) {
            return FailureKind.PERMANENT;
        }
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof TimeoutException) {
            return FailureKind.TRANSIENT;
        }
        // Agroal's pool gives up waiting for a connection with a plain SQLException without an SQLState.
        if (t instanceof SQLException
                && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
            return FailureKind.TRANSIENT;
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (PERMANENT_TYPES.contains(type.getName())) {
                return FailureKind.PERMANENT;
            }
            if (TRANSIENT_TYPES.contains(type.getName())) {
                return FailureKind.TRANSIENT;
            }
        }
        // A socket reset or refused: an unreachable peer. (An UncheckedIOException is decided by its cause.)
        if (t instanceof IOException) {
            return FailureKind.TRANSIENT;
        }
        return null;
    }

    /**
     * The SQL error among the failure's causes that says the database could not be reached: SQL state class 08
     * (connection exception), 57P01–57P03 (the server shutting down or not accepting connections yet), or a transient
     * connection error (the pool timing out while the server is away); null for anything else. Suppressed exceptions
     * are looked at too: a transaction manager whose commit failed that way reports it as one (Narayana's rollback
     * after the connection was lost).
     */
    public static SQLException databaseUnreachable(Throwable failure) {
        for (Throwable t : chain(failure, true)) {
            if (t instanceof SQLTransientConnectionException transientFailure) {
                return transientFailure;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return sql;
            }
        }
        return null;
    }

    private static List<Throwable> chain(Throwable failure) {
        return chain(failure, false);
    }

    /**
     * The failure and its causes (an SQLException's next exception where it has no cause), each once; with
     * {@code suppressed}, the exceptions suppressed by each of them and their causes too, breadth first.
     */
    private static List<Throwable> chain(Throwable failure, boolean suppressed) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        Deque<Throwable> toVisit = new ArrayDeque<>(List.of(failure));
        while (!toVisit.isEmpty() && chain.size() < MAX_CHAIN) {
            Throwable t = toVisit.poll();
            if (!seen.add(t)) {
                continue;
            }
            chain.add(t);
            Throwable next = t.getCause();
            if (next == null && t instanceof SQLException sql) {
                next = sql.getNextException();
            }
            if (next != null) {
                toVisit.add(next);
            }
            if (suppressed) {
                toVisit.addAll(List.of(t.getSuppressed()));
            }
        }
        return chain;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
