package dev.ronbun.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @ParameterizedTest(name = "SQLState {0} is {1}")
    @CsvSource({
            "22021, PERMANENT", "22001, PERMANENT", "23505, PERMANENT", "23503, PERMANENT", "42P01, PERMANENT",
            "54000, PERMANENT",
            "08001, TRANSIENT", "08006, TRANSIENT", "53300, TRANSIENT", "57P01, TRANSIENT", "57P02, TRANSIENT",
            "57P03, TRANSIENT", "40001, TRANSIENT", "40P01, TRANSIENT", "55P03, TRANSIENT", "58030, TRANSIENT",
            "XX000, UNKNOWN", "25P02, UNKNOWN", "57000, UNKNOWN"})
    void classifiesByTheSqlStateOfTheDatabase(String state, FailureKind expected) {
        assertThat(FailureClassifier.classify(new SQLException("ERROR: something", state))).isEqualTo(expected);
    }

    @Test
    void aNulRefusedByPostgresqlDeepInAPersistenceWrapperIsPermanent() {
        SQLException refused = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00\n  Where: x",
                "22021");
        RuntimeException hibernate = new RuntimeException("could not execute statement", refused);
        RuntimeException transaction = new IllegalStateException("transaction rolled back", hibernate);

        assertThat(FailureClassifier.classify(transaction)).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureClassifier.reason(transaction))
                .isEqualTo("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 (SQLState 22021)");
    }

    @Test
    void theSqlStateDecidesBeforeTheTypeOfAnOuterException() {
        // Hibernate may wrap a connection loss in an exception that on its own would look permanent.
        RuntimeException outer = new IllegalArgumentException("bad", new SQLException("I/O error", "08006"));

        assertThat(FailureClassifier.classify(outer)).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void followsAnSqlExceptionsNextExceptionWhenItHasNoCause() {
        SQLException batch = new SQLException("Batch entry 0 was aborted", "22021");
        SQLException outer = new SQLException("batch failed");
        outer.setNextException(batch);

        assertThat(FailureClassifier.classify(new RuntimeException(outer))).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void theReasonIsTheDatabasesOwnMessageNotABatchWrapperQuotingTheStatementWithItsValues() {
        SQLException server = new SQLException("ERROR: timestamp out of range: \"999999-01-01\"", "22008");
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException(
                "Batch entry 0 insert into summaries (body) values ('" + "long text ".repeat(100) + "') was aborted",
                "22008", new int[0]);
        batch.setNextException(server);

        assertThat(FailureClassifier.reason(new RuntimeException(batch)))
                .isEqualTo("ERROR: timestamp out of range: \"999999-01-01\" (SQLState 22008)");
        assertThat(FailureClassifier.reason(new IllegalStateException("x".repeat(1000)))).hasSizeLessThan(420);
    }

    @Test
    void contractAndJsonErrorsArePermanent() {
        assertThat(FailureClassifier.classify(new InvalidEventException("required field 'paperId' is missing")))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureClassifier.classify(new UncheckedIOException(new JsonParseException(null, "Unexpected"))))
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureClassifier.classify(new IllegalArgumentException("Invalid UUID string: x")))
                .isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void unreachablePeersAndPoolTimeoutsAreTransient() {
        assertThat(FailureClassifier.classify(new UncheckedIOException(new ConnectException("Connection refused"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(new CompletionException(new java.util.concurrent.TimeoutException())))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureClassifier.classify(new RuntimeException(new IOException("Broken pipe"))))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void whatIsNotRecognisedIsUnknown() {
        assertThat(FailureClassifier.classify(new IllegalStateException("something odd")))
                .isEqualTo(FailureKind.UNKNOWN);
        assertThat(FailureClassifier.classify(new NullPointerException())).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void aCauseChainThatLoopsEndsTheWalk() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(FailureClassifier.classify(a)).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void reasonsEscapeControlCharactersAndLoneSurrogates() {
        assertThat(FailureClassifier.printable("reader a\u0000b\n\uD800")).isEqualTo("reader a\\u0000b\\u000A\\uD800");
        assertThat(FailureClassifier.reason(new IllegalStateException("outer", new IOException("root\u0000"))))
                .isEqualTo("IllegalStateException: outer; caused by IOException: root\\u0000");
    }
}
