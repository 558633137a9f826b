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
 * The local stack's Kafka: a real single-node KRaft broker (broker and controller in one) running as its own JVM,
 * with its data in a directory that survives restarts. The first start formats that directory.
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

    /** Writes the configuration, formats the data directory if needed, and starts the broker without waiting. */
    public static KafkaBrokerProcess start(Layout layout) {
        try {
            Files.createDirectories(layout.dataDir());
            Files.createDirectories(layout.configDir());
            Path serverProperties = layout.configDir().resolve("server.properties");
            Files.writeString(serverProperties, serverProperties(layout));
            Path log4jConfig = layout.configDir().resolve("log4j2.xml");
            try (InputStream resource = KafkaBrokerProcess.class.getResourceAsStream(LOG4J_CONFIG_RESOURCE)) {
                Files.write(log4jConfig, resource.readAllBytes());
            }
            formatIfNeeded(layout.dataDir(), serverProperties);

            List<String> jvmOptions = new ArrayList<>(layout.jvmOptions());
            jvmOptions.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
            List<String> command = JavaCommand.mainClass(jvmOptions, System.getProperty("java.class.path"),
                    "kafka.Kafka", List.of(serverProperties.toAbsolutePath().toString()));
            ChildProcess process = ChildProcess.start(NAME, command, Map.of(), layout.configDir(),
                    layout.logFile(), layout.pidFile());
            return new KafkaBrokerProcess(process, "127.0.0.1:" + layout.port());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka broker in " + layout.dataDir(), e);
        }
    }

    /** The broker configuration: one node, both roles, listening only on the loopback address. */
    static String serverProperties(Layout layout) {
        Map<String, String> properties = new TreeMap<>(SingleBrokerSettings.settings());
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + layout.controllerPort());
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
    private static void formatIfNeeded(Path dataDir, Path serverProperties) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(),
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
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        try (Admin admin = KafkaClassLoading.withKafkaClassLoader(() -> Admin.create(adminConfig))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue()
                            + "; see " + process.logFile());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                } catch (Exception notYet) {
                    // The broker is still starting; ask again.
                }
            }
        }
        throw new IllegalStateException("Kafka did not answer on " + bootstrapServers + " within "
                + timeout.toSeconds() + " s; see " + process.logFile());
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
