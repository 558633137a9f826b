package dev.ronbun.faults.stack;

import dev.ronbun.contracts.Topic;
import dev.ronbun.contracts.Topics;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.kafka.BrokerSettings;
import dev.ronbun.infra.kafka.KafkaBrokerProcess;
import dev.ronbun.infra.kafka.KafkaCluster;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.services.ReadinessProbe;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.services.ServiceLauncher;
import dev.ronbun.infra.services.ServiceWiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The pipeline scaled out as {@code ./ronbun up --brokers N --replicas M} runs it, as real processes the suite can
 * break: a KRaft cluster of broker processes ({@link KafkaCluster}, topics with replication min(3, N) and
 * {@code min.insync.replicas} min(2, N)), one PostgreSQL server, and M replicas of each packaged service launched
 * through the local stack's {@link ServiceLauncher} (recommend replicas each keep their own index and index group;
 * ingest and embed replicas share their groups). Every port is a free random one, so the suite runs beside a local
 * stack.
 */
public final class ClusterStack implements ProbedStack, AutoCloseable {

    /** Generous: six services and three brokers start at once on a machine that may be busy. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> TOPICS = Topics.all().stream().map(Topic::name).toList();
    private static final List<String> BROKER_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m");
    /** The suite posts as one principal: the write limit guards against runaway clients, not part of the proof. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx768m", "-Dronbun.rate-limit.enabled=false");

    /** One service process: which service and which replica of it, from 1. */
    public record Instance(RonbunService service, int replica) {
        String name() {
            return ChildProcess.instanceName(service.moduleName(), replica);
        }
    }

    private final Path root;
    private final Path work;
    private final int brokers;
    private final int postgresPort;
    private final List<KafkaBrokerProcess.Layout> brokerLayouts;
    private final List<ServiceWiring> wirings = new ArrayList<>();
    private final SigningKeys keys;
    private final Consumer<String> progress;
    private final Map<Instance, ServiceRun> runs = new LinkedHashMap<>();
    private final ReadinessProbe probe = new ReadinessProbe();
    private KafkaCluster cluster;
    private LocalPostgres postgres;
    private boolean closed;

    private ClusterStack(Path root, Path work, int brokers, int replicas, Consumer<String> progress) {
        this.root = root;
        this.work = work;
        this.brokers = brokers;
        this.progress = progress;
        this.postgresPort = FaultStack.freePort();
        this.brokerLayouts = IntStream.rangeClosed(1, brokers).mapToObj(node -> new KafkaBrokerProcess.Layout(
                FaultStack.freePort(), FaultStack.freePort(), work.resolve("kafka-data-" + node),
                work.resolve("run/kafka-" + node), work.resolve("logs/kafka-" + node + ".log"),
                work.resolve("run/kafka-" + node + ".pid"), BROKER_JVM_OPTIONS)).toList();
        this.keys = SigningKeys.loadOrCreate(work.resolve("keys"));
        String bootstrapServers = String.join(",",
                brokerLayouts.stream().map(layout -> "127.0.0.1:" + layout.port()).toList());
        PostgresServer server = new PostgresServer("127.0.0.1", postgresPort, LocalPostgres.SUPERUSER,
                LocalPostgres.PASSWORD);
        for (int replica = 1; replica <= replicas; replica++) {
            Map<RonbunService, Integer> ports = new EnumMap<>(RonbunService.class);
            for (RonbunService service : RonbunService.values()) {
                ports.put(service, FaultStack.freePort());
            }
            wirings.add(new ServiceWiring(bootstrapServers, server, ports,
                    work.resolve("recommend-index-" + replica), work.resolve("inbox"), keys.publicKeyFile()));
        }
    }

    /**
     * Starts everything in a fresh {@code work} folder and waits until every broker and every replica is ready.
     *
     * @param root     the repository root, where the packaged services are
     * @param progress receives one line per step, for the test's output
     */
    public static ClusterStack start(Path root, Path work, int brokers, int replicas, Consumer<String> progress) {
        for (RonbunService service : RonbunService.values()) {
            if (!Files.isRegularFile(service.runnableJar(root))) {
                throw new IllegalStateException(service.runnableJar(root) + " is missing: run the suite through"
                        + " the reactor (mvn -B verify -Pfaults -pl infra/faults -am) so the services are packaged");
            }
        }
        FaultStack.deleteRecursively(work);
        ClusterStack stack = new ClusterStack(root, work, brokers, replicas, progress);
        // The processes run in sessions of their own, so they would outlive a test JVM that is stopped abruptly.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "cluster-stack-shutdown"));
        try {
            stack.cluster = KafkaCluster.start(stack.brokerLayouts);
            stack.postgres = LocalPostgres.persistent(work.resolve("postgres-data"), stack.postgresPort,
                    work.resolve("logs/postgres.log"));
            stack.cluster.awaitReady(READY_TIMEOUT);
            progress.accept(brokers + " brokers ready on " + stack.bootstrapServers());
            TopicProvisioner.forCluster(stack.bootstrapServers(), brokers).provisionAll();
            progress.accept("Topics provisioned: replication factor " + BrokerSettings.replicationFactor(brokers)
                    + ", min.insync.replicas " + BrokerSettings.minInSyncReplicas(brokers));
            for (RonbunService service : RonbunService.values()) {
                stack.postgres().createDatabaseIfMissing(service.database());
            }
            List<Instance> instances = new ArrayList<>();
            for (int replica = 1; replica <= replicas; replica++) {
                for (RonbunService service : RonbunService.values()) {
                    instances.add(new Instance(service, replica));
                }
            }
            instances.forEach(stack::launch);
            instances.forEach(stack::awaitReady);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** An admin token for this stack: the suite ingests, reads every reader's data and checks the indexes. */
    public String adminToken() {
        return keys.issuer().token(Roles.ADMIN, null);
    }

    /** What replica {@code replica} (from 1) of every service is wired to. */
    public ServiceWiring wiring(int replica) {
        return wirings.get(replica - 1);
    }

    public int replicas() {
        return wirings.size();
    }

    public String baseUrl(RonbunService service, int replica) {
        return wiring(replica).baseUrl(service);
    }

    @Override
    public String bootstrapServers() {
        return wirings.getFirst().kafkaBootstrapServers();
    }

    @Override
    public PostgresServer postgres() {
        return wirings.getFirst().postgres();
    }

    @Override
    public String recommendBaseUrl() {
        return baseUrl(RonbunService.RECOMMEND, 1);
    }

    @Override
    public Admin admin() {
        return FaultStack.admin(bootstrapServers());
    }

    @Override
    public List<String> recommendIndexGroups() {
        return IntStream.rangeClosed(1, replicas())
                .mapToObj(replica -> ChildProcess.instanceName(RECOMMEND_INDEX_GROUP, replica)).toList();
    }

    /** The current launch of every service replica: what the crash-loop check looks at. */
    public Map<Instance, ServiceRun> runs() {
        return Map.copyOf(runs);
    }

    /** The {@code node.id} (from 1) of the broker leading the partition now. */
    public int leaderOf(String topic, int partition) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get(topic);
            return description.partitions().get(partition).leader().id();
        }
    }

    /** SIGKILLs broker {@code node} (from 1); its log directory stays, so a restart catches up from the others. */
    public ChildProcess killBroker(int node) {
        ChildProcess process = cluster.nodes().get(node - 1).process();
        FaultStack.kill(process);
        progress.accept("SIGKILLed broker " + node + " " + process + ", exit value " + process.exitValue());
        return process;
    }

    /**
     * Starts broker {@code node} again on its port, data and place in the quorum, and waits until every broker
     * answers and the node has caught up: it is back in the in-sync replicas of every partition of Ronbun's topics.
     */
    public void restartBroker(int node) throws Exception {
        ChildProcess process = cluster.restart(node);
        cluster.awaitReady(READY_TIMEOUT);
        progress.accept("Broker " + node + " back (" + process + "); all " + brokers + " brokers ready");
        awaitInSync(node);
        progress.accept("Broker " + node + " is in sync again on every partition of " + TOPICS);
    }

    private void awaitInSync(int node) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<String> lagging = List.of();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    lagging = admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).values()
                            .stream().flatMap(topic -> topic.partitions().stream()
                                    .filter(p -> p.isr().stream().noneMatch(replica -> replica.id() == node))
                                    .map(p -> topic.name() + "-" + p.partition())).toList();
                    if (lagging.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    lagging = List.of(notYet.toString());
                }
                Thread.sleep(1_000);
            }
        }
        throw new IllegalStateException("Broker " + node + " did not rejoin the in-sync replicas within "
                + READY_TIMEOUT.toSeconds() + " s: " + lagging);
    }

    /** Whether every broker's process is running. */
    public boolean brokersAreAlive() {
        return cluster.processes().stream().allMatch(ChildProcess::isAlive);
    }

    /** SIGKILLs the replica and waits until it is gone; its exit value is 137 (128 + SIGKILL). */
    public ChildProcess killService(Instance instance) {
        ChildProcess process = runs.get(instance).process();
        FaultStack.kill(process);
        progress.accept("SIGKILLed " + process + ", exit value " + process.exitValue());
        return process;
    }

    /** Launches the replicas again (a new log file per launch), all at once, and waits until each is ready. */
    public void restartServices(List<Instance> instances) {
        for (Instance instance : instances) {
            if (runs.get(instance).process().isAlive()) {
                throw new IllegalStateException(runs.get(instance).process() + " is still running");
            }
        }
        instances.forEach(this::launch);
        instances.forEach(this::awaitReady);
    }

    private void launch(Instance instance) {
        ServiceRun last = runs.get(instance);
        int generation = last == null ? 1 : last.generation() + 1;
        Path logs = work.resolve("logs/" + instance.name() + "-" + generation);
        ChildProcess process = new ServiceLauncher(root, logs, work.resolve("run"), SERVICE_JVM_OPTIONS)
                .launch(instance.service(), instance.replica(), wiring(instance.replica()));
        runs.put(instance, new ServiceRun(instance.service(), generation, process));
    }

    private void awaitReady(Instance instance) {
        ChildProcess process = runs.get(instance).process();
        try {
            probe.awaitReady(process, ReadinessProbe.readinessOf(baseUrl(instance.service(), instance.replica())),
                    READY_TIMEOUT);
        } catch (ReadinessProbe.NotReadyException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + String.join("\n", process.logTail(80)), e);
        }
        progress.accept(instance.name() + " ready (" + process + ")");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        runs.values().parallelStream().forEach(run -> run.process().stop(STOP_GRACE));
        StopSteps.runAll(cluster == null ? null : () -> cluster.stop(STOP_GRACE),
                postgres == null ? null : postgres::close);
    }
}
