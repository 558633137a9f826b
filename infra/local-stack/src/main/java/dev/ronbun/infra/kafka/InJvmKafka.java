package dev.ronbun.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft Kafka running inside this JVM: one node that is both broker and controller, reachable on
 * 127.0.0.1 at a random port. For tests; the local stack runs its broker as a process instead
 * ({@link KafkaBrokerProcess}).
 *
 * <p>Two things keep the broker from taking its host JVM down with it:
 * <ul>
 *   <li>Its data directory is ours, deleted only by {@link #close()} once the node has stopped. The test kit's
 *       default directory is deleted by a JVM shutdown hook of its own, which races the hook that stops the
 *       broker: a broker still writing checkpoints into a deleted directory declares its log directory failed.</li>
 *   <li>A broker whose log directory failed calls {@link Exit#halt}, which would end a test JVM with status 1
 *       after every test has passed (surefire: "Error occurred in starting fork"). In this JVM, halt and exit
 *       print why and throw instead, so only the broker thread that asked dies.</li>
 * </ul>
 */
public final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;
    private final Path dataDirectory;

    private InJvmKafka(KafkaClusterTestKit cluster, String bootstrapServers, Path dataDirectory) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
        this.dataDirectory = dataDirectory;
    }

    /** Formats a throwaway log directory, starts the node and waits until the broker is ready. */
    public static InJvmKafka start() {
        return KafkaClassLoading.withKafkaClassLoader(InJvmKafka::startWithKafkaClassLoader);
    }

    private static InJvmKafka startWithKafkaClassLoader() {
        keepTheBrokerFromEndingThisJvm();
        Path dataDirectory = createDataDirectory();
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setBaseDirectory(dataDirectory)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                // The test kit defaults to unreleased metadata versions; run what a released broker runs.
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        BrokerSettings.settings().forEach(builder::setConfigProp);
        // The test kit advertises "localhost"; clients get the loopback address itself, as in the local stack.
        builder.setConfigProp("listeners", "%s://127.0.0.1:0,%s://127.0.0.1:0".formatted(
                nodes.brokerListenerName().value(), nodes.controllerListenerName().value()));
        try {
            KafkaClusterTestKit cluster = builder.build();
            try {
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                int port = cluster.brokers().values().iterator().next()
                        .boundPort(ListenerName.normalised(nodes.brokerListenerName().value()));
                return new InJvmKafka(cluster, "127.0.0.1:" + port, dataDirectory);
            } catch (Exception | Error e) {
                closeQuietly(cluster);
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(dataDirectory);
            throw new IllegalStateException("Interrupted while starting the in-JVM Kafka", e);
        } catch (Exception e) {
            deleteQuietly(dataDirectory);
            throw new IllegalStateException("Could not start the in-JVM Kafka: " + e.getMessage(), e);
        }
    }

    private static void keepTheBrokerFromEndingThisJvm() {
        Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
    }

    private static void refuse(String what, int status, String message) {
        // System.err, not a logger: during JVM shutdown the logging framework may already be stopped.
        String reason = "in-JVM Kafka asked the JVM to " + what + " with status " + status + ": " + message;
        System.err.println("ronbun: " + reason + " (refused; only the asking broker thread stops)");
        throw new IllegalStateException(reason);
    }

    private static Path createDataDirectory() {
        try {
            return Files.createTempDirectory("ronbun-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory for the in-JVM Kafka", e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The node's data directory (metadata and topic logs); {@link #close()} deletes it. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the node and deletes its log directory. */
    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the in-JVM Kafka cleanly", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception suppressed) {
            // The start failure is the error worth reporting.
        }
    }

    private static void deleteQuietly(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException suppressed) {
            // A leftover temporary directory is harmless; the start failure is the error worth reporting.
        }
    }
}
