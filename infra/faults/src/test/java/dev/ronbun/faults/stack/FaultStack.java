package dev.ronbun.faults.stack;

import dev.ronbun.infra.kafka.KafkaBrokerProcess;
import dev.ronbun.infra.kafka.KafkaClassLoading;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.ReadinessProbe;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.services.ServiceLauncher;
import dev.ronbun.infra.services.ServiceWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole pipeline as real processes that the fault suite can break: a KRaft broker process and a PostgreSQL
 * server that restart on the same data directories and ports, and the three packaged services launched exactly as
 * {@code ./ronbun up} launches them. Every port is a free random one, so the suite runs beside a local stack.
 */
public final class FaultStack implements ProbedStack, AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final List<String> BROKER_JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m");

    private final Path root;
    private final Path work;
    private final int postgresPort;
    private final KafkaBrokerProcess.Layout brokerLayout;
    private final ServiceWiring wiring;
    private final SigningKeys keys;
    private final Consumer<String> progress;
    private final Map<RonbunService, ServiceRun> services = new EnumMap<>(RonbunService.class);
    private final ReadinessProbe probe = new ReadinessProbe();
    private KafkaBrokerProcess broker;
    private int brokerStarts;
    private LocalPostgres postgres;
    private boolean closed;

    private FaultStack(Path root, Path work, Consumer<String> progress) {
        this.root = root;
        this.work = work;
        this.progress = progress;
        this.postgresPort = freePort();
        int kafkaPort = freePort();
        this.brokerLayout = new KafkaBrokerProcess.Layout(kafkaPort, freePort(), work.resolve("kafka-data"),
                work.resolve("run/kafka"), work.resolve("logs/kafka.log"), work.resolve("run/kafka.pid"),
                BROKER_JVM_OPTIONS);
        Map<RonbunService, Integer> ports = new EnumMap<>(RonbunService.class);
        for (RonbunService service : RonbunService.values()) {
            ports.put(service, freePort());
        }
        // a key pair of this run's own, as ./ronbun up makes one on first start
        this.keys = SigningKeys.loadOrCreate(work.resolve("keys"));
        this.wiring = new ServiceWiring("127.0.0.1:" + kafkaPort,
                new PostgresServer("127.0.0.1", postgresPort, LocalPostgres.SUPERUSER, LocalPostgres.PASSWORD),
                ports, work.resolve("recommend-index"), work.resolve("inbox"), keys.publicKeyFile());
    }

    /**
     * Starts everything in a fresh {@code work} folder and waits until every service is ready.
     *
     * @param root     the repository root, where the packaged services are
     * @param progress receives one line per step, for the test's output
     */
    public static FaultStack start(Path root, Path work, Consumer<String> progress) {
        for (RonbunService service : RonbunService.values()) {
            if (!Files.isRegularFile(service.runnableJar(root))) {
                throw new IllegalStateException(service.runnableJar(root) + " is missing: run the suite through"
                        + " the reactor (mvn -B verify -Pfaults -pl infra/faults -am) so the services are packaged");
            }
        }
        deleteRecursively(work);
        FaultStack stack = new FaultStack(root, work, progress);
        // The processes run in sessions of their own, so they would outlive a test JVM that is stopped abruptly.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-shutdown"));
        try {
            stack.startBroker();
            stack.startPostgres();
            TopicProvisioner.forSingleBroker(stack.wiring.kafkaBootstrapServers()).provisionAll();
            for (RonbunService service : RonbunService.values()) {
                stack.wiring.postgres().createDatabaseIfMissing(service.database());
            }
            for (RonbunService service : RonbunService.values()) {
                stack.launch(service);
            }
            for (RonbunService service : RonbunService.values()) {
                stack.awaitReady(service);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** An admin token for this stack: the suite ingests, reads every reader's data and checks the index. */
    public String adminToken() {
        return keys.issuer().token(Roles.ADMIN, null);
    }

    public ServiceWiring wiring() {
        return wiring;
    }

    @Override
    public String bootstrapServers() {
        return wiring.kafkaBootstrapServers();
    }

    @Override
    public String recommendBaseUrl() {
        return wiring.baseUrl(RonbunService.RECOMMEND);
    }

    @Override
    public PostgresServer postgres() {
        return wiring.postgres();
    }

    public Path work() {
        return work;
    }

    /** The process currently running the service. */
    public ChildProcess process(RonbunService service) {
        return services.get(service).process();
    }

    /** The current launch of every service: what the crash-loop check looks at. */
    public List<ServiceRun> runs() {
        return List.copyOf(services.values());
    }

    /**
     * Sends SIGKILL to the service ({@link ProcessHandle#destroyForcibly()} on Linux) and waits until it is gone.
     *
     * @return the killed process, whose exit value is 137 (128 + SIGKILL)
     */
    public ChildProcess killService(RonbunService service) {
        ChildProcess process = process(service);
        kill(process);
        progress.accept("SIGKILLed " + process + ", exit value " + process.exitValue());
        return process;
    }

    /** Launches the service again (a new log file per launch) and waits until it is ready. */
    public void restartService(RonbunService service) {
        if (process(service).isAlive()) {
            throw new IllegalStateException(process(service) + " is still running");
        }
        launch(service);
        awaitReady(service);
    }

    /** SIGKILLs the broker; its log directory stays, so a restart recovers every committed record. */
    public ChildProcess killBroker() {
        ChildProcess process = broker.process();
        kill(process);
        progress.accept("SIGKILLed the broker " + process + ", exit value " + process.exitValue());
        return process;
    }

    /** Stops the broker the orderly way (SIGTERM, a controlled shutdown); its log directory stays. */
    public ChildProcess stopBroker() {
        ChildProcess process = broker.process();
        process.stop(STOP_GRACE);
        progress.accept("Stopped the broker " + process + ", exit value " + process.exitValue());
        return process;
    }

    /** Starts the broker again on the same port and log directory and waits until it answers. */
    public void startBroker() {
        brokerStarts++;
        KafkaBrokerProcess.Layout layout = new KafkaBrokerProcess.Layout(brokerLayout.port(),
                brokerLayout.controllerPort(), brokerLayout.dataDir(), brokerLayout.configDir(),
                work.resolve("logs/kafka-" + brokerStarts + ".log"), brokerLayout.pidFile(), brokerLayout.jvmOptions());
        broker = KafkaBrokerProcess.start(layout);
        broker.awaitReady(READY_TIMEOUT);
        progress.accept("Broker ready on " + broker.bootstrapServers() + " (" + broker.process() + ")");
    }

    public boolean brokerIsAlive() {
        return broker != null && broker.process().isAlive();
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut); its data directory stays. */
    public void stopPostgres() {
        postgres.close();
        postgres = null;
        progress.accept("PostgreSQL stopped");
    }

    /** Starts PostgreSQL on the same data directory and port. */
    public void startPostgres() {
        postgres = LocalPostgres.persistent(work.resolve("postgres-data"), postgresPort,
                work.resolve("logs/postgres.log"));
        progress.accept("PostgreSQL ready on port " + postgresPort + " (pid " + postgres.postmasterPid().orElse(-1)
                + ")");
    }

    public boolean postgresIsRunning() {
        return postgres != null;
    }

    /** An admin client for the broker, created with Kafka's own class loader. */
    @Override
    public Admin admin() {
        return admin(bootstrapServers());
    }

    /** An admin client for {@code bootstrapServers}, created with Kafka's own class loader. */
    static Admin admin(String bootstrapServers) {
        return KafkaClassLoading.withKafkaClassLoader(() -> Admin.create(Map.of(
                "bootstrap.servers", bootstrapServers, "request.timeout.ms", 10_000,
                "default.api.timeout.ms", 30_000)));
    }

    private void launch(RonbunService service) {
        int generation = services.containsKey(service) ? services.get(service).generation() + 1 : 1;
        Path logs = work.resolve("logs/" + service.moduleName() + "-" + generation);
        ServiceLauncher launcher = new ServiceLauncher(root, logs, work.resolve("run"),
                // the suite posts thousands of documents as one principal: the per-principal write limit is a guard
                // against runaway clients, not part of what is proven here
                List.of("-Xmx768m", "-Dronbun.rate-limit.enabled=false"));
        ChildProcess process = launcher.launch(service, wiring);
        services.put(service, new ServiceRun(service, generation, process));
    }

    private void awaitReady(RonbunService service) {
        ChildProcess process = process(service);
        try {
            probe.awaitReady(process, ReadinessProbe.readinessOf(wiring.baseUrl(service)), READY_TIMEOUT);
        } catch (ReadinessProbe.NotReadyException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + String.join("\n", process.logTail(80)), e);
        }
        progress.accept(service.moduleName() + " ready (" + process + ")");
    }

    /** SIGKILLs the process and waits until it is gone. */
    static void kill(ChildProcess process) {
        ProcessHandle handle = ProcessHandle.of(process.pid())
                .orElseThrow(() -> new IllegalStateException(process + " is not running"));
        handle.destroyForcibly();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(process + " survived SIGKILL", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().parallelStream().forEach(run -> run.process().stop(STOP_GRACE));
        StopSteps.runAll(broker == null ? null : () -> broker.process().stop(STOP_GRACE),
                postgres == null ? null : postgres::close);
    }

    /** A port nothing listens on now, so the suite never collides with a running {@code ./ronbun up}. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not clear " + folder, e);
        }
    }
}
