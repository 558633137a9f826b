package dev.ronbun.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.process.JavaCommand;
import dev.ronbun.infra.services.LivenessProbe;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor of {@code ./ronbun up} against real child processes: a small HTTP server and one that exits. */
class ServiceSupervisorTest {

    @TempDir
    Path work;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<Long> launchedAt = new CopyOnWriteArrayList<>();
    private final List<ChildProcess> launched = new CopyOnWriteArrayList<>();
    private ServiceSupervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.stop(Duration.ofSeconds(5));
        }
        launched.forEach(process -> process.stop(Duration.ofSeconds(1)));
    }

    @Test
    void restartsAServiceWhoseLivenessTurnsDownAndSaysWhy() throws Exception {
        int port = freePort();
        URI liveness = LivenessProbe.livenessOf("http://127.0.0.1:" + port);
        Supplier<ChildProcess> launcher = launcher("live", Integer.toString(port), work.toString());
        ChildProcess first = launcher.get();
        await(() -> isLive(liveness), "the fake service answers");
        RestartPolicy policy = new RestartPolicy(Duration.ofMillis(200), 3, Duration.ofSeconds(60),
                Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofSeconds(2));
        supervisor = new ServiceSupervisor("recommend-service", first, launcher, liveness, policy,
                Duration.ofSeconds(5), log::add).start();

        Files.createFile(work.resolve("down-" + first.pid()));
        await(() -> supervisor.restarts() == 1 && isLive(liveness), "restarted and live again");

        assertThat(first.isAlive()).as("the service that was not live is stopped").isFalse();
        assertThat(supervisor.current().pid()).isNotEqualTo(first.pid());
        assertThat(log).contains(
                "recommend-service is not live (channel reading-events failed); restarting it (attempt 1, in 300 ms)");

        // Live for longer than the stable period: the next failure starts the back-off from the beginning.
        Thread.sleep(2_500);
        Files.createFile(work.resolve("down-" + supervisor.current().pid()));
        await(() -> supervisor.restarts() == 2, "restarted a second time");
        assertThat(log.stream().filter(line -> line.contains("restarting it (attempt 1, in 300 ms)"))).hasSize(2);
    }

    @Test
    void restartsABrokerWithoutAHealthEndpointWhenItsProcessEnds() throws Exception {
        RestartPolicy policy = new RestartPolicy(Duration.ofMillis(100), 3, Duration.ofSeconds(60),
                Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(5));
        Supplier<ChildProcess> launcher = launcher("exit", "3");
        supervisor = new ServiceSupervisor("kafka-2", launcher.get(), launcher,
                ServiceSupervisor.LivenessCheck.whileRunning(), policy, Duration.ofSeconds(1), log::add).start();

        await(() -> supervisor.restarts() >= 2, "two restarts");

        assertThat(log).anySatisfy(line ->
                assertThat(line).startsWith("kafka-2 exited with code 3; restarting it (attempt 1, in 100 ms)"));
    }

    @Test
    void restartsAServiceThatExitsWithGrowingBackOff() throws Exception {
        RestartPolicy policy = new RestartPolicy(Duration.ofMillis(100), 3, Duration.ofSeconds(60),
                Duration.ofMillis(400), Duration.ofMillis(1_600), Duration.ofMinutes(5));
        Supplier<ChildProcess> launcher = launcher("exit", "3");
        supervisor = new ServiceSupervisor("embed-service", launcher.get(), launcher,
                URI.create("http://127.0.0.1:" + freePort() + "/q/health/live"), policy, Duration.ofSeconds(1),
                log::add).start();

        await(() -> supervisor.restarts() >= 4, "four restarts");

        assertThat(log).containsSubsequence(
                "embed-service exited with code 3; restarting it (attempt 1, in 400 ms)",
                "embed-service exited with code 3; restarting it (attempt 2, in 800 ms)",
                "embed-service exited with code 3; restarting it (attempt 3, in 1600 ms)",
                "embed-service exited with code 3; restarting it (attempt 4, in 1600 ms)");
        assertThat(log).anyMatch(line -> line.endsWith("| fake service giving up"));
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < launchedAt.size(); i++) {
            gaps.add(launchedAt.get(i) - launchedAt.get(i - 1));
        }
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(400);
        assertThat(gaps.get(1)).isGreaterThanOrEqualTo(800);
        assertThat(gaps.get(2)).isGreaterThanOrEqualTo(1_600);
    }

    @Test
    void restartsNothingOnceStoppedAndStopsTheServiceItRuns() throws Exception {
        int port = freePort();
        URI liveness = LivenessProbe.livenessOf("http://127.0.0.1:" + port);
        Supplier<ChildProcess> launcher = launcher("live", Integer.toString(port), work.toString());
        ChildProcess first = launcher.get();
        await(() -> isLive(liveness), "the fake service answers");
        RestartPolicy policy = new RestartPolicy(Duration.ofMillis(100), 1, Duration.ofSeconds(60),
                Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(5));
        supervisor = new ServiceSupervisor("ingest-service", first, launcher, liveness, policy,
                Duration.ofSeconds(5), log::add).start();

        Files.createFile(work.resolve("down-" + first.pid()));
        await(() -> log.stream().anyMatch(line -> line.contains("restarting it (attempt 1, in 500 ms)")),
                "a restart is announced");
        supervisor.stop(Duration.ofSeconds(5));
        Thread.sleep(1_000);

        assertThat(supervisor.restarts()).as("restarts after the stop").isZero();
        assertThat(launched).hasSize(1).allSatisfy(process -> assertThat(process.isAlive()).isFalse());
    }

    /** Starts {@link FakeLiveService} with {@code arguments} as a child JVM, remembering when. */
    private Supplier<ChildProcess> launcher(String... arguments) {
        return () -> {
            launchedAt.add(System.currentTimeMillis());
            ChildProcess process = ChildProcess.start("fake-service",
                    JavaCommand.mainClass(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                            System.getProperty("java.class.path"), FakeLiveService.class.getName(), List.of(arguments)),
                    Map.of(), work, work.resolve("fake-service.log"), work.resolve("fake-service.pid"), true);
            launched.add(process);
            return process;
        };
    }

    private static boolean isLive(URI liveness) {
        try {
            return new LivenessProbe(Duration.ofSeconds(1)).check(liveness).live();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for: " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
