package dev.ronbun.infra.kafka;

import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.process.JavaCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One node of the local stack's Kafka: a real KRaft broker and controller in one, running as its own JVM, with its
 * data in a directory that survives restarts. The first start formats that directory. Alone it is a one-node cluster;
 * {@link KafkaCluster} starts several that form one cluster.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    /** The process's name in logs and pid files. */
    public static final String NAME = "kafka";

    private static final String LOG4J_CONFIG_RESOURCE = "/dev/ronbun/infra/kafka/broker-log4j2.xml";

    private final ChildProcess process;
    private final String bootstrapServers;

    private KafkaBrokerProcess(ChildProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Where and how the broker runs.
     *
     * @param port           the client (PLAINTEXT) port on 127.0.0.1
     * @param controllerPort the KRaft controller port on 127.0.0.1
     * @param dataDir        the log directory, kept between runs; formatted on first use
     * @param configDir      where the generated server.properties and logging configuration are written
     * @param logFile        the broker's output
     * @param pidFile        the broker's pid
     * @param jvmOptions     heap and other JVM options
     */
    public record Layout(int port, int controllerPort, Path dataDir, Path configDir, Path logFile, Path pidFile,
                         List<String> jvmOptions) {
    }

    /**
     * The node's place in its cluster.
     *
     * @param nodeId    this node's {@code node.id}, from 1
     * @param voters    every controller of the cluster as {@code id@host:port}, comma-separated
     * @param brokers   how many nodes the cluster has, which sets the replication of internal topics
     * @param clusterId the id the data directory is formatted with when it is new
     */
    public record Quorum(int nodeId, String voters, int brokers, String clusterId) {
    }

    /** Writes the configuration, formats the data directory if needed, and starts a one-node cluster, not waiting. */
    public static KafkaBrokerProcess start(Layout layout) {
        return start(layout, new Quorum(1, "1@127.0.0.1:" + layout.controllerPort(), 1, Uuid.randomUuid().toString()));
    }

    /** Writes the configuration, formats the data directory if needed, and starts the node without waiting. */
    public static KafkaBrokerProcess start(Layout layout, Quorum quorum) {
        return start(layout, quorum, false);
    }

    /** As {@link #start(Layout, Quorum)}, the log going on after the last run's when {@code restart}. */
    static KafkaBrokerProcess start(Layout layout, Quorum quorum, boolean restart) {
        try {
            Files.createDirectories(layout.dataDir());
            Files.createDirectories(layout.configDir());
            Path serverProperties = layout.configDir().resolve("server.properties");
            Files.writeString(serverProperties, serverProperties(layout, quorum));
            Path log4jConfig = layout.configDir().resolve("log4j2.xml");
            try (InputStream resource = KafkaBrokerProcess.class.getResourceAsStream(LOG4J_CONFIG_RESOURCE)) {
                Files.write(log4jConfig, resource.readAllBytes());
            }
            formatIfNeeded(layout.dataDir(), serverProperties, quorum.clusterId());

            List<String> jvmOptions = new ArrayList<>(layout.jvmOptions());
            jvmOptions.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
            List<String> command = JavaCommand.mainClass(jvmOptions, System.getProperty("java.class.path"),
                    "kafka.Kafka", List.of(serverProperties.toAbsolutePath().toString()));
            ChildProcess process = ChildProcess.start(ChildProcess.instanceName(NAME, quorum.nodeId()), command,
                    Map.of(), layout.configDir(), layout.logFile(), layout.pidFile(), restart);
            return new KafkaBrokerProcess(process, "127.0.0.1:" + layout.port());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka broker in " + layout.dataDir(), e);
        }
    }

    /** The node's configuration: both roles, listening only on the loopback address. */
    static String serverProperties(Layout layout, Quorum quorum) {
        Map<String, String> properties = new TreeMap<>(BrokerSettings.forCluster(quorum.brokers()));
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(quorum.nodeId()));
        properties.put("controller.quorum.voters", quorum.voters());
        properties.put("listeners", "PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d"
                .formatted(layout.port(), layout.controllerPort()));
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + layout.port());
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", layout.dataDir().toAbsolutePath().toString());
        properties.put("num.partitions", "1");
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "# Written by the Ronbun local stack on every start.\n", "\n"));
    }

    /**
     * Formats the log directory with a new cluster id, as {@code kafka-storage.sh format} would, unless an earlier
     * run already did.
     */
    private static void formatIfNeeded(Path dataDir, Path serverProperties, String clusterId) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                    "format", "--cluster-id", clusterId,
                    "--config", serverProperties.toAbsolutePath().toString(), "--ignore-formatted"}, printer);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not format " + dataDir + ": " + e.getMessage()
                    + "\n" + output.toString(StandardCharsets.UTF_8), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Could not format " + dataDir + " (exit code " + exitCode + "):\n"
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Waits until the broker answers clients, failing early if its process exits. */
    public void awaitReady(Duration timeout) {
        awaitBrokers(bootstrapServers, 1, List.of(process), timeout);
    }

    /**
     * Waits until {@code brokers} brokers are registered with the cluster behind {@code bootstrapServers}, failing
     * early if one of {@code processes} exits.
     */
    static void awaitBrokers(String bootstrapServers, int brokers, List<ChildProcess> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        int registered = 0;
        try (Admin admin = KafkaClassLoading.withKafkaClassLoader(() -> Admin.create(adminConfig))) {
            while (System.nanoTime() < deadline) {
                for (ChildProcess process : processes) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(process.name() + " exited with code " + process.exitValue()
                                + "; see " + process.logFile());
                    }
                }
                try {
                    registered = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
                    if (registered >= brokers) {
                        return;
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception notYet) {
                    // The broker is still starting; ask again.
                }
            }
        }
        throw new IllegalStateException("Kafka did not answer on " + bootstrapServers + " with " + brokers
                + " broker(s) within " + timeout.toSeconds() + " s (" + registered + " registered); see "
                + processes.stream().map(p -> p.logFile().toString()).collect(Collectors.joining(", ")));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
