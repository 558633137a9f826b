package dev.ronbun.infra.stack;

import dev.ronbun.infra.kafka.BrokerSettings;
import dev.ronbun.infra.kafka.KafkaBrokerProcess;
import dev.ronbun.infra.kafka.KafkaCluster;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.services.LivenessProbe;
import dev.ronbun.infra.services.ReadinessProbe;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.services.ServiceLauncher;
import dev.ronbun.infra.services.ServiceWiring;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The supervisor behind {@code ./ronbun up}: starts PostgreSQL, a Kafka cluster (one broker unless told more), the
 * topics and the three services (one replica of each unless told more, on the ports of {@link PortPlan}), waits
 * until every service is ready, ingests the samples, restarts a service that exits or stops being live (see
 * {@link ServiceSupervisor}), and on SIGINT/SIGTERM stops the services, then the broker, then PostgreSQL.
 */
public final class RonbunStack {

    /** The supervisor's name in pid files. */
    public static final String NAME = "ronbun";
    static final String POSTGRES = "postgres";
    private static final String READY_MARKER = "ready";
    private static final int LOG_TAIL_LINES = 40;
    /** The reader whose token {@code ./ronbun up} prints. */
    static final String SAMPLE_READER = "aoi";
    private static final String TOKENS_FILE = "tokens";

    private final StackConfig config;
    private final PrintStream out;
    private final long startedAtMillis;
    private final List<Running> running = new ArrayList<>();
    private final List<ServiceSupervisor> supervisors = new CopyOnWriteArrayList<>();
    private final List<ServiceSupervisor> brokerSupervisors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final StateFolder state;

    /** What is stopped first: the services before the broker and the database they use. */
    private enum Stage { SERVICES, BROKER, DATABASE }

    /** Something started that has to be stopped again. */
    private record Running(Stage stage, String name, Runnable stop) {
    }

    RonbunStack(StackConfig config, PrintStream out, long startedAtMillis) {
        this.config = config;
        this.state = new StateFolder(config);
        this.out = out;
        this.startedAtMillis = startedAtMillis;
    }

    public static void main(String[] args) {
        // Only --help or a usage error ends here with a code; the stack itself runs until it is stopped.
        int exit = new CommandLine(CommandLine.getCommandMethods(RonbunStack.class, "run").getFirst()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Command(name = "ronbun up", mixinStandardHelpOptions = true,
            description = "The supervisor that ./ronbun up starts: the Kafka brokers, PostgreSQL and the services, watched until it is stopped (settings: RONBUN_* "
            + "environment variables, see StackConfig).")
    static int run() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile",
                    RonbunStack.class.getResource("supervisor-log4j2.xml").toString());
        }
        StackConfig config = StackConfig.fromEnvironment();
        RonbunStack stack = new RonbunStack(config, System.out, startedAt());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "ronbun-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stack.stopping.get()) {
                return 0; // Ctrl-C during start-up: the shutdown hook is already stopping everything
            }
            System.out.println();
            System.out.println("ronbun: start-up failed: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever did start
        }
        stack.superviseUntilStopped();
        return 0;
    }

    /** When {@code ./ronbun} was invoked, so the reported start-up time includes the JVM's own start. */
    private static long startedAt() {
        String fromScript = System.getenv("RONBUN_STARTED_AT_MS");
        if (fromScript != null && fromScript.matches("\\d+")) {
            return Long.parseLong(fromScript);
        }
        return ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
    }

    void start() {
        state.prepare();
        state.writeRunFile(NAME + ".pid", Long.toString(ProcessHandle.current().pid()));
        state.checkPortsAreFree();

        KafkaCluster cluster = config.externalKafka().isPresent() ? null : startCluster();
        PostgresServer postgres = startPostgres();
        String bootstrapServers = config.externalKafka().orElseGet(() -> awaitCluster(cluster));
        int brokers = config.externalKafka().isPresent() ? 1 : config.brokers();
        List<String> created = TopicProvisioner.forCluster(bootstrapServers, brokers).provisionAll();
        progress("Topics ready (" + (created.isEmpty() ? "all existed" : "created " + String.join(", ", created))
                + (brokers > 1 ? "; replication factor " + BrokerSettings.replicationFactor(brokers)
                + ", min.insync.replicas " + BrokerSettings.minInSyncReplicas(brokers) : "") + ")");

        SigningKeys keys = SigningKeys.loadOrCreate(config.keysDir());
        List<ServiceWiring> replicas = new ArrayList<>();
        for (int replica = 1; replica <= config.replicas(); replica++) {
            replicas.add(new ServiceWiring(bootstrapServers, postgres, config.portPlan().servicePorts(replica),
                    config.recommendIndexDir(replica), config.inboxDir(), keys.publicKeyFile()));
        }
        startServices(replicas);
        progress("All services are ready");
        double healthySeconds = secondsSinceStart();
        ServiceWiring wiring = replicas.getFirst();
        ingestSamples(wiring);
        String summary = StackBanner.summary(config, replicas, postgres, bootstrapServers, healthySeconds);
        out.println(summary);
        // Tokens go to the terminal and to an owner-only run file (./ronbun up --detach prints it), never to a log.
        String tokens = StackBanner.tokens(wiring, keys.issuer());
        state.writeOwnerOnlyRunFile(TOKENS_FILE, tokens);
        if (!"true".equals(System.getenv("RONBUN_DETACHED"))) {
            out.println(tokens); // in the foreground, stdout is the terminal; detached, it is ronbun.log
        }
        state.writeRunFile(READY_MARKER, summary);
    }

    private KafkaCluster startCluster() {
        checkNoLargerClusterWasHere();
        PortPlan ports = config.portPlan();
        List<KafkaBrokerProcess.Layout> layouts = new ArrayList<>();
        for (int node = 1; node <= config.brokers(); node++) {
            String name = ChildProcess.instanceName(KafkaBrokerProcess.NAME, node);
            layouts.add(new KafkaBrokerProcess.Layout(ports.brokerPort(node), ports.controllerPort(node),
                    config.kafkaDataDir(node), config.runDir().resolve(name), state.logFile(name),
                    config.runDir().resolve(name + ".pid"), config.kafkaJvmOptions()));
        }
        KafkaCluster cluster = KafkaCluster.start(layouts);
        // Brokers stop together, so that none waits on a quorum that already left; once supervised, through their
        // supervisors, so that none is restarted while the stack stops.
        register(new Running(Stage.BROKER, KafkaBrokerProcess.NAME, () -> {
            if (brokerSupervisors.isEmpty()) {
                cluster.stop(config.stopTimeout());
            } else {
                brokerSupervisors.parallelStream().forEach(supervisor -> supervisor.stop(config.stopTimeout()));
            }
        }));
        for (int node = 1; node <= config.brokers(); node++) {
            state.writePortFile(ChildProcess.instanceName(KafkaBrokerProcess.NAME, node), ports.brokerPort(node));
        }
        progress((config.brokers() == 1 ? "Kafka broker" : "Kafka cluster of " + config.brokers() + " brokers")
                + " starting (" + String.join(", ", cluster.processes().stream().map(ChildProcess::toString).toList())
                + ")");
        return cluster;
    }

    /**
     * A state folder that held a larger cluster keeps its extra brokers' data, which a smaller cluster would leave
     * behind unseen (the partitions only they held); refused, with what to do instead.
     */
    private void checkNoLargerClusterWasHere() {
        Path extra = config.kafkaDataDir(config.brokers() + 1);
        if (Files.exists(extra)) {
            throw new IllegalStateException(extra + " holds a broker of a larger cluster. Start with as many brokers "
                    + "as before (./ronbun up --brokers N), or use another state folder (RONBUN_STATE_DIR).");
        }
    }

    private String awaitCluster(KafkaCluster cluster) {
        try {
            cluster.awaitReady(config.kafkaReadyTimeout());
        } catch (RuntimeException e) {
            cluster.processes().forEach(this::printLogTail);
            throw e;
        }
        superviseBrokers(cluster);
        progress("Kafka ready on " + cluster.bootstrapServers());
        return cluster.bootstrapServers();
    }

    private PostgresServer startPostgres() {
        PostgresServer server;
        if (config.externalPostgres().isPresent()) {
            StackConfig.ExternalPostgres external = config.externalPostgres().get();
            server = PostgresServer.fromJdbcUrl(external.jdbcUrl(), external.user(), external.password());
            progress("Using PostgreSQL at " + server.host() + ":" + server.port());
        } else {
            LocalPostgres postgres = LocalPostgres.persistent(config.postgresDataDir(), config.postgresPort(),
                    state.logFile(POSTGRES));
            register(new Running(Stage.DATABASE, POSTGRES, postgres::close));
            postgres.postmasterPid().ifPresent(pid -> state.writeRunFile(POSTGRES + ".pid", Long.toString(pid)));
            state.writePortFile(POSTGRES, config.postgresPort());
            server = postgres.server();
            progress("PostgreSQL ready on " + server.host() + ":" + server.port());
        }
        for (RonbunService service : RonbunService.values()) {
            server.createDatabaseIfMissing(service.database());
        }
        return server;
    }

    /** One service process: which service, which replica (from 1), and its name in pid, port and log files. */
    private record Instance(RonbunService service, int replica, ServiceWiring wiring) {

        String name() {
            return ChildProcess.instanceName(service.moduleName(), replica);
        }
    }

    /** Starts every replica of every service (one {@link ServiceWiring} per replica), waits until all are ready. */
    private void startServices(List<ServiceWiring> replicas) {
        ServiceLauncher launcher = new ServiceLauncher(config.root(), config.logsDir(), config.runDir(),
                config.serviceJvmOptions());
        Map<Instance, ChildProcess> services = Collections.synchronizedMap(new LinkedHashMap<>());
        // Services stop together, before the broker and the database they use; once supervised, through their
        // supervisors, so that none is restarted while the stack stops.
        register(new Running(Stage.SERVICES, "services", () -> {
            if (supervisors.isEmpty()) {
                stopAll(List.copyOf(services.values()));
            } else {
                supervisors.parallelStream().forEach(supervisor -> supervisor.stop(config.stopTimeout()));
            }
        }));
        for (int replica = 1; replica <= replicas.size(); replica++) {
            ServiceWiring wiring = replicas.get(replica - 1);
            for (RonbunService service : RonbunService.values()) {
                Instance instance = new Instance(service, replica, wiring);
                ChildProcess process = launcher.launch(service, replica, wiring);
                services.put(instance, process);
                state.writePortFile(instance.name(), wiring.port(service));
                if (stopping.get()) {
                    process.stop(config.stopTimeout());
                    throw new IllegalStateException("stopped while starting");
                }
            }
        }
        progress("Started " + String.join(", ", services.values().stream().map(ChildProcess::toString).toList())
                + "; waiting for them to be ready");

        ReadinessProbe probe = new ReadinessProbe();
        List<CompletableFuture<Void>> readiness = services.entrySet().stream()
                .map(entry -> CompletableFuture.runAsync(() -> {
                    String baseUrl = entry.getKey().wiring().baseUrl(entry.getKey().service());
                    probe.awaitReady(entry.getValue(), ReadinessProbe.readinessOf(baseUrl), config.readyTimeout());
                    progress(entry.getKey().name() + " ready on " + baseUrl);
                }))
                .toList();
        CompletableFuture<Void> allReady = CompletableFuture.allOf(readiness.toArray(CompletableFuture[]::new));
        // The first service that fails ends the wait; no need to sit out the others' timeouts.
        readiness.forEach(ready -> ready.exceptionally(failure -> {
            allReady.completeExceptionally(failure);
            return null;
        }));
        try {
            allReady.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ReadinessProbe.NotReadyException notReady) {
                printLogTail(notReady.process());
                throw notReady;
            }
            throw e;
        }
        superviseServices(launcher, services);
    }

    /**
     * From now on a broker whose process ends is started again, with back-off, and says why; with three brokers the
     * cluster keeps serving meanwhile.
     */
    private synchronized void superviseBrokers(KafkaCluster cluster) {
        if (stopping.get()) {
            return;
        }
        List<ChildProcess> processes = cluster.processes();
        for (int node = 1; node <= processes.size(); node++) {
            int restarted = node;
            brokerSupervisors.add(new ServiceSupervisor(processes.get(node - 1).name(), processes.get(node - 1),
                    () -> cluster.restart(restarted), ServiceSupervisor.LivenessCheck.whileRunning(),
                    config.restartPolicy(), config.stopTimeout(), line -> progress("ronbun: " + line)).start());
        }
    }

    /** From now on a service that exits or stops being live is restarted, with back-off, and says why. */
    private synchronized void superviseServices(ServiceLauncher launcher, Map<Instance, ChildProcess> services) {
        if (stopping.get()) {
            return;
        }
        services.forEach((instance, process) -> supervisors.add(new ServiceSupervisor(instance.name(), process,
                () -> launcher.relaunch(instance.service(), instance.replica(), instance.wiring()),
                LivenessProbe.livenessOf(instance.wiring().baseUrl(instance.service())),
                config.restartPolicy(), config.stopTimeout(), line -> progress("ronbun: " + line)).start()));
    }

    private void ingestSamples(ServiceWiring wiring) {
        if (config.ingestSamples()) {
            new SampleDocuments(config.samplesDir())
                    .deliverAll(config.inboxDir(), Duration.ofMinutes(2), this::progress);
        }
    }

    /**
     * Remembers something to stop. A Ctrl-C during start-up may already have run {@link #stop()}; what starts after
     * that is stopped at once instead of outliving the supervisor.
     */
    private synchronized void register(Running component) {
        if (stopping.get()) {
            component.stop().run();
            throw new IllegalStateException("stopped while starting");
        }
        running.add(component);
    }

    /** Blocks until the JVM shuts down; meanwhile the brokers and services have their {@link ServiceSupervisor}s. */
    void superviseUntilStopped() {
        while (!stopping.get()) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops everything that was started: services, then the broker, then PostgreSQL. Safe to call more than once. */
    synchronized void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (!running.isEmpty()) {
            out.println("\nronbun: stopping");
        }
        running.sort(Comparator.comparing(Running::stage));
        for (Running component : running) {
            try {
                component.stop().run();
                out.println("ronbun: stopped " + component.name());
            } catch (RuntimeException e) {
                out.println("ronbun: could not stop " + component.name() + " cleanly: " + e.getMessage());
            }
        }
        state.deleteRunFile(READY_MARKER);
        state.deleteRunFile(TOKENS_FILE);
        state.deleteRunFile(NAME + ".pid");
        state.deleteRunFile(POSTGRES + ".pid");
        state.deletePortFiles();
        out.flush();
    }

    private void stopAll(Collection<ChildProcess> processes) {
        processes.parallelStream().forEach(process -> process.stop(config.stopTimeout()));
    }

    private void printLogTail(ChildProcess process) {
        out.println("---- last lines of " + process.logFile() + " ----");
        process.logTail(LOG_TAIL_LINES).forEach(out::println);
        out.println("----");
    }

    private double secondsSinceStart() {
        return (System.currentTimeMillis() - startedAtMillis) / 1000.0;
    }

    private void progress(String message) {
        synchronized (out) {
            out.printf("[%6.1fs] %s%n", secondsSinceStart(), message);
        }
    }
}
