package dev.ronbun.infra.testing;

import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL outage for a test: the shared test server's postmaster gets SIGINT (PostgreSQL's fast shutdown:
 * sessions are terminated, new connections refused) and is started again on the same data directory and port with
 * the command line it recorded in {@code postmaster.opts}; as zonky does, in a user namespace of its own when the
 * build runs as root, which PostgreSQL refuses.
 */
public final class PostgresOutage implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private final PostgresServer server;
    private final Path dataDirectory;
    private final List<String> commandLine;

    private PostgresOutage(PostgresServer server, Path dataDirectory, List<String> commandLine) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.commandLine = commandLine;
    }

    /** Stops the server now; {@link #close()} starts it again. */
    public static PostgresOutage begin() throws IOException, InterruptedException {
        PostgresServer server = RonbunTestInfrastructure.postgres();
        Path dataDirectory = RonbunTestInfrastructure.postgresDataDirectory();
        List<String> commandLine = words(Files.readString(dataDirectory.resolve("postmaster.opts")));
        long pid = LocalPostgres.postmasterPid(dataDirectory).orElseThrow();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("cannot signal the postmaster " + pid);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        if (postmaster != null && postmaster.isAlive()) {
            throw new IllegalStateException("the postmaster " + pid + " did not stop");
        }
        return new PostgresOutage(server, dataDirectory, commandLine);
    }

    /** Starts the server again and waits until it accepts connections. */
    @Override
    public void close() throws IOException, InterruptedException {
        // inside the data directory, which the test infrastructure deletes with the server
        Path log = dataDirectory.resolve("after-outage.log");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(commandLine);
        Process postmaster = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // The server is this JVM's child now; nothing else stops it when the tests end.
        Runtime.getRuntime().addShutdownHook(new Thread(postmaster::destroy, "ronbun-test-postgres-after-outage"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = server.connect(PostgresServer.MAINTENANCE_DATABASE)) {
                return;
            } catch (SQLException notYet) {
                if (!postmaster.isAlive()) {
                    throw new IllegalStateException("PostgreSQL did not start again, see " + log);
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept connections again within " + WAIT);
    }

    private static List<String> words(String commandLine) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(commandLine.strip());
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
