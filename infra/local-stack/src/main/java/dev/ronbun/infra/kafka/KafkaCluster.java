package dev.ronbun.infra.kafka;

import dev.ronbun.infra.process.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;

/**
 * The local stack's Kafka cluster: one {@link KafkaBrokerProcess} per node, each broker and controller in one (KRaft
 * combined mode, a static quorum of every node). One node is the single broker {@code ./ronbun up} always ran;
 * three tolerate the loss of one, with the replication {@link BrokerSettings} gives a cluster of that size.
 */
public final class KafkaCluster implements AutoCloseable {

    private final List<KafkaBrokerProcess.Layout> layouts;
    private final List<KafkaBrokerProcess.Quorum> quorums;
    /** The running process of each node; {@link #restart} replaces one. */
    private final List<KafkaBrokerProcess> nodes;

    private KafkaCluster(List<KafkaBrokerProcess.Layout> layouts, List<KafkaBrokerProcess.Quorum> quorums,
                         List<KafkaBrokerProcess> nodes) {
        this.layouts = List.copyOf(layouts);
        this.quorums = List.copyOf(quorums);
        this.nodes = new CopyOnWriteArrayList<>(nodes);
    }

    /**
     * Formats the nodes' data directories if they are all new, and starts every node without waiting; node
     * {@code i} of {@code layouts} gets {@code node.id} {@code i + 1}.
     *
     * @throws IllegalStateException when some data directories are formatted and others not: they belong to a
     *                               cluster of another size, which these nodes cannot join
     */
    public static KafkaCluster start(List<KafkaBrokerProcess.Layout> layouts) {
        if (layouts.isEmpty()) {
            throw new IllegalArgumentException("A Kafka cluster needs at least one node");
        }
        String clusterId = clusterIdOf(layouts).orElseGet(() -> Uuid.randomUuid().toString());
        String voters = IntStream.range(0, layouts.size())
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + layouts.get(i).controllerPort())
                .collect(Collectors.joining(","));
        List<KafkaBrokerProcess.Quorum> quorums = IntStream.range(0, layouts.size())
                .mapToObj(i -> new KafkaBrokerProcess.Quorum(i + 1, voters, layouts.size(), clusterId)).toList();
        List<KafkaBrokerProcess> started = new ArrayList<>();
        try {
            for (int i = 0; i < layouts.size(); i++) {
                started.add(KafkaBrokerProcess.start(layouts.get(i), quorums.get(i)));
            }
        } catch (RuntimeException e) {
            started.forEach(KafkaBrokerProcess::close);
            throw e;
        }
        return new KafkaCluster(layouts, quorums, started);
    }

    /**
     * Starts node {@code node} (from 1) again after its process ended, with its data and place in the quorum; it
     * catches up with the others by itself, and its log goes on after the last run's. Returns its new process.
     */
    public ChildProcess restart(int node) {
        KafkaBrokerProcess restarted = KafkaBrokerProcess.start(layouts.get(node - 1), quorums.get(node - 1), true);
        nodes.set(node - 1, restarted);
        return restarted.process();
    }

    /** The cluster id the existing data directories share; empty when none is formatted yet. */
    private static Optional<String> clusterIdOf(List<KafkaBrokerProcess.Layout> layouts) {
        List<Path> formatted = layouts.stream().map(layout -> layout.dataDir().resolve("meta.properties"))
                .filter(Files::isRegularFile).toList();
        if (formatted.isEmpty()) {
            return Optional.empty();
        }
        if (formatted.size() != layouts.size()) {
            throw new IllegalStateException("Only " + formatted.size() + " of the " + layouts.size()
                    + " Kafka data directories hold data (" + formatted.stream().map(Path::getParent)
                    .map(Path::toString).collect(Collectors.joining(", ")) + "): they belong to a cluster of another "
                    + "size. Start with the number of brokers they were made with, or use another state folder "
                    + "(RONBUN_STATE_DIR).");
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(formatted.getFirst())) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + formatted.getFirst(), e);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    /** Waits until every node is registered as a broker, failing early if one exits. */
    public void awaitReady(Duration timeout) {
        KafkaBrokerProcess.awaitBrokers(bootstrapServers(), nodes.size(), processes(), timeout);
    }

    /** Every broker, comma-separated, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBrokerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /** The nodes' current processes in {@code node.id} order. */
    public List<KafkaBrokerProcess> nodes() {
        return List.copyOf(nodes);
    }

    public List<ChildProcess> processes() {
        return nodes.stream().map(KafkaBrokerProcess::process).toList();
    }

    /** Stops every node, all at once so that none waits on a quorum that is already leaving. */
    public void stop(Duration grace) {
        nodes.parallelStream().forEach(node -> node.process().stop(grace));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
