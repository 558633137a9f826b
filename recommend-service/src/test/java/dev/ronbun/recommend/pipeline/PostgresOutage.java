package dev.ronbun.recommend.pipeline;

import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL outage for a test: the shared test server is shut down with its own {@code pg_ctl} (fast mode:
 * sessions are terminated, new connections refused) and started again on the same data directory and port with
 * the options it was first started with ({@code pg_ctl restart} reads them from {@code postmaster.opts}).
 */
final class PostgresOutage implements AutoCloseable {

    private final Path pgCtl;
    private final Path dataDirectory;

    private PostgresOutage(Path pgCtl, Path dataDirectory) {
        this.pgCtl = pgCtl;
        this.dataDirectory = dataDirectory;
    }

    /** Stops the server now; {@link #close()} starts it again. */
    static PostgresOutage begin() {
        PostgresServer server = RonbunTestInfrastructure.postgres();
        Path dataDirectory;
        try (Connection db = server.connect(PostgresServer.MAINTENANCE_DATABASE);
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("show data_directory")) {
            row.next();
            dataDirectory = Path.of(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the test server's data directory", e);
        }
        PostgresOutage outage = new PostgresOutage(postgresBinary(dataDirectory).resolveSibling("pg_ctl"),
                dataDirectory);
        outage.pgCtl("stop", "-m", "fast");
        return outage;
    }

    @Override
    public void close() {
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-restart.log");
        pgCtl("restart", "-l", log.toString());
    }

    private void pgCtl(String... command) {
        List<String> line = new ArrayList<>(List.of(pgCtl.toString()));
        line.addAll(List.of(command));
        line.addAll(List.of("-D", dataDirectory.toString(), "-w", "-t", "60"));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + line, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The postgres binary the server runs, the first word of the command line it recorded when it started. */
    private static Path postgresBinary(Path dataDirectory) {
        try {
            String options = Files.readString(dataDirectory.resolve("postmaster.opts")).strip();
            String first = options.startsWith("\"") ? options.substring(1, options.indexOf('"', 1))
                    : options.split("\\s+", 2)[0];
            return Path.of(first);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read postmaster.opts in " + dataDirectory, e);
        }
    }
}
