package dev.ronbun.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process the local stack started: a broker or a service. Its output goes to a log file, its pid to a pid file
 * (so {@code ./ronbun down} can find it even when the supervisor was killed), and it runs in a session of its own,
 * so a Ctrl-C in the terminal reaches only the supervisor, which then stops the children in order.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} in {@code workingDirectory} with {@code environment} added to this process's own.
     * The log file is truncated; the pid file is written once the process runs.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile, Path pidFile) {
        return start(name, command, environment, workingDirectory, logFile, pidFile, false);
    }

    /**
     * As {@link #start(String, List, Map, Path, Path, Path)}, appending to the log when {@code appendToLog}: a
     * restarted process keeps its predecessor's last words.
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                                     Path workingDirectory, Path logFile, Path pidFile, boolean appendToLog) {
        List<String> sessionCommand = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // setsid execs in place (same pid) because a freshly spawned child leads no process group.
            sessionCommand.add(SETSID.toString());
        }
        sessionCommand.addAll(command);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.createDirectories(pidFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(sessionCommand)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(appendToLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                            : ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, process.pid() + "\n");
            return new ChildProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    /**
     * The name of one of several instances of the same process, counted from 1: {@code name} for the first (the
     * name a single instance always had, in pid files and logs), then {@code name-2}, {@code name-3}…
     */
    public static String instanceName(String name, int instance) {
        if (instance < 1) {
            throw new IllegalArgumentException("Instances count from 1, not " + instance);
        }
        return instance == 1 ? name : name + "-" + instance;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only meaningful once {@link #isAlive()} is false. */
    public int exitValue() {
        return process.exitValue();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, for telling the user why a process failed. */
    public List<String> logTail(int lines) {
        try (Stream<String> all = Files.lines(logFile, StandardCharsets.UTF_8)) {
            Deque<String> tail = new ArrayDeque<>(lines);
            all.forEach(line -> {
                if (tail.size() == lines) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            });
            return List.copyOf(tail);
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Asks the process to stop (SIGTERM), kills it if it is still running after {@code grace}, and removes its pid
     * file. Anything the process started itself is killed too.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // A stale pid file is harmless: ./ronbun checks that the pid is still ours before signalling it.
        }
    }

    /** Stops with a 30-second grace period. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
