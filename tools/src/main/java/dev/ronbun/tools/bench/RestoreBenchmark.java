package dev.ronbun.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.cli.RonbunVersion;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.process.JavaCommand;
import dev.ronbun.infra.services.ReadinessProbe;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.services.ServiceLauncher;
import dev.ronbun.infra.services.ServiceWiring;
import dev.ronbun.infra.stack.PortPlan;
import dev.ronbun.infra.stack.StackConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How long a new recommend-service replica takes to be ready on a running stack (the load stack, seeded with N papers),
 * with and without an index snapshot: the stack's replica publishes a snapshot, then extra replicas are started in
 * turn, each with an empty index folder and a consumer group of its own — one restoring the snapshot and replaying the
 * topic after it, one replaying the whole topic — alternating, {@code --rounds} times each. Ready is
 * {@code /q/health/ready} answering 200, which waits for the index to be complete.
 *
 * <pre>
 * RONBUN_LOAD_KEEP=1 ./ronbun bench load --papers 100000 --readers 100 --seconds 5   # seeds and keeps the stack
 * ./ronbun bench restore [--rounds 3] [--heap 2g]                                    # against that stack
 * </pre>
 */
public final class RestoreBenchmark {

    private static final int REPLICA = 9;

    private RestoreBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(CommandLine.getCommandMethods(RestoreBenchmark.class, "run").getFirst())
                .execute(args));
    }

    @Command(name = "RestoreBenchmark", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
            description = "Time to ready of a new recommend-service replica, from a snapshot and from the topic.")
    public static int run(
            @Mixin StackTarget stack,
            @Option(names = "--rounds", defaultValue = "3", description = "rounds of each way (default: 3)") int rounds,
            @Option(names = "--heap", defaultValue = "2g", description = "the extra replica's -Xmx (default: 2g)")
            String heap,
            @Option(names = "--timeout", defaultValue = "PT40M", description = "longest wait for one replica")
            Duration timeout,
            @Option(names = "--publish", negatable = true, defaultValue = "true", fallbackValue = "true",
                    description = "have the stack's replica publish a snapshot first (default); --no-publish uses "
                            + "the newest one in the store") boolean publish) throws Exception {
        StackConfig config = stack.config();
        if (publish) {
            long publishStart = System.nanoTime();
            JsonNode manifest = stack.adminJson("POST", stack.recommend() + "/api/admin/snapshots", 201,
                    Duration.ofMinutes(30));
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
            long bytes = 0;
            for (JsonNode file : manifest.get("files")) {
                bytes += file.get("bytes").asLong();
            }
            System.out.printf("snapshot %s: %d papers, %.1f MiB, published in %.1f s%n", manifest.get("id").asText(),
                    manifest.get("papers").asLong(), bytes / 1048576.0, publishSeconds);
        }

        Path scratch = config.stateDir().resolve("bench/restore");
        Path noSnapshots = Files.createDirectories(scratch.resolve("empty-store"));
        Path store = config.inboxDir().resolveSibling("snapshots");
        for (int round = 1; round <= rounds; round++) {
            for (boolean fromSnapshot : new boolean[] {true, false}) {
                Ready ready = startReplica(stack, config, scratch, fromSnapshot ? store : noSnapshots, heap, timeout,
                        round);
                System.out.printf("round %d  %-11s  ready after %7.1f s  (%d papers)%n", round,
                        fromSnapshot ? "snapshot" : "whole topic", ready.after().toMillis() / 1000.0, ready.papers());
            }
        }
        return 0;
    }

    /** How long a replica took to be ready, and how many papers its index then served. */
    private record Ready(Duration after, long papers) {
    }

    private static Ready startReplica(StackTarget stack, StackConfig config, Path scratch, Path store, String heap,
                                         Duration timeout, int round) throws IOException, InterruptedException {
        Path indexDir = scratch.resolve("index-" + round);
        FileUtils.deleteDirectory(indexDir.toFile());
        // ports of a replica the stack does not have: above its own, as its next replicas would be
        Map<RonbunService, Integer> ports = new HashMap<>();
        config.portPlan().servicePorts(1).forEach((service, base) ->
                ports.put(service, base + PortPlan.REPLICA_PORT_STEP * (REPLICA - 1)));
        int port = ports.get(RonbunService.RECOMMEND);
        ServiceWiring wiring = new ServiceWiring(config.externalKafka().orElse("127.0.0.1:" + config.kafkaPort()),
                new PostgresServer("127.0.0.1", config.postgresPort(), LocalPostgres.SUPERUSER, LocalPostgres.PASSWORD),
                ports, indexDir, config.inboxDir(),
                config.keysDir().resolve("public-key.pem"));
        Map<String, String> environment = new HashMap<>(ServiceLauncher.environment(RonbunService.RECOMMEND, REPLICA,
                wiring));
        environment.put("RONBUN_RECOMMEND_SNAPSHOTS_STORE", store.toAbsolutePath().toString());
        environment.put("MP_MESSAGING_INCOMING_PAPERS_GROUP_ID", "restore-bench-" + System.nanoTime());
        // a replica that serves, not one that also sends digests or publishes snapshots during the measurement
        environment.put("RONBUN_RECOMMEND_SNAPSHOTS_INTERVAL", "24h");
        // ready only once the index is complete, as in production
        environment.put("RONBUN_RECOMMEND_INDEX_READY_AFTER_REPLAY", "true");
        List<String> jvm = new ArrayList<>(ServiceLauncher.SERVICE_JVM_FLAGS);
        jvm.add("-Xmx" + heap);
        long start = System.nanoTime();
        try (ChildProcess replica = ChildProcess.start("restore-bench", JavaCommand.jar(jvm,
                        RonbunService.RECOMMEND.runnableJar(config.root())), environment, config.root(),
                scratch.resolve("replica.log"), scratch.resolve("replica.pid"))) {
            new ReadinessProbe().awaitReady(replica, ReadinessProbe.readinessOf("http://127.0.0.1:" + port), timeout);
            Duration ready = Duration.ofNanos(System.nanoTime() - start);
            long papers = stack.adminJson("GET", "http://127.0.0.1:" + port + "/api/papers?size=1", 200,
                    Duration.ofSeconds(30)).path("total").asLong();
            replica.stop(Duration.ofSeconds(20));
            return new Ready(ready, papers);
        } finally {
            FileUtils.deleteDirectory(indexDir.toFile());
        }
    }
}
