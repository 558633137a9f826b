package dev.ronbun.infra.kafka;

import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real KRaft Kafka running inside this JVM: one node that is both broker and controller, reachable on
 * 127.0.0.1 at a random port. For tests; the local stack runs its broker as a process instead
 * ({@link KafkaBrokerProcess}).
 */
public final class InJvmKafka implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private InJvmKafka(KafkaClusterTestKit cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats a throwaway log directory, starts the node and waits until the broker is ready. */
    public static InJvmKafka start() {
        return KafkaClassLoading.withKafkaClassLoader(InJvmKafka::startWithKafkaClassLoader);
    }

    private static InJvmKafka startWithKafkaClassLoader() {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                // The test kit defaults to unreleased metadata versions; run what a released broker runs.
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        SingleBrokerSettings.settings().forEach(builder::setConfigProp);
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
                return new InJvmKafka(cluster, "127.0.0.1:" + port);
            } catch (Exception | Error e) {
                closeQuietly(cluster);
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the in-JVM Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-JVM Kafka: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
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
}
