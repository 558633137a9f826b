package dev.ronbun.embed.pipeline;

import dev.ronbun.infra.postgres.PostgresServer;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * What PostgreSQL did for one pipeline's database since the server started: transactions, rows read, and the CPU of
 * the backends connected to it (read by {@link #backendCpuSeconds} while the pipeline still holds its pooled
 * connections: node-postgres closes idle ones after 10 s). PostgreSQL 15 flushes an idle backend's statistics up to
 * {@link #STATISTICS_DELAY} late, so a caller waits that long before {@link #of}.
 */
record DatabaseWork(String database, long transactions, long rowsRead, double backendCpuSeconds) {

    static final Duration STATISTICS_DELAY = Duration.ofSeconds(11);

    static DatabaseWork of(PostgresServer server, String database, double backendCpuSeconds) throws SQLException {
        try (Connection connection = server.connect(database);
             PreparedStatement totals = connection.prepareStatement(
                     "select xact_commit + xact_rollback, tup_returned from pg_stat_database where datname = ?")) {
            totals.setString(1, database);
            try (ResultSet row = totals.executeQuery()) {
                row.next();
                return new DatabaseWork(database, row.getLong(1), row.getLong(2), backendCpuSeconds);
            }
        }
    }

    /** CPU seconds of the backends connected to the database now, this one's own aside. */
    static double backendCpuSeconds(PostgresServer server, String database) throws SQLException, IOException {
        double cpu = 0;
        try (Connection connection = server.connect(database);
             PreparedStatement backends = connection.prepareStatement(
                     "select pid from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            backends.setString(1, database);
            try (ResultSet rows = backends.executeQuery()) {
                while (rows.next()) {
                    cpu += ProcessStats.cpuSeconds(rows.getLong(1));
                }
            }
        }
        return cpu;
    }

    /** Per summary, the pipeline having handled that many (warm-up included). */
    String perSummary(int summaries) {
        return String.format(Locale.ROOT, "database %s transactions_per_summary %.1f rows_read_per_summary %.0f "
                        + "backend_cpu_ms_per_summary %.1f", database, (double) transactions / summaries,
                (double) rowsRead / summaries, backendCpuSeconds * 1000 / summaries);
    }
}
