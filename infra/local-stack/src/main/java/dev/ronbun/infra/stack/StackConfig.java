package dev.ronbun.infra.stack;

import dev.ronbun.infra.kafka.KafkaBrokerProcess;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.RonbunService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the local stack can be told, with its defaults. Each setting can be overridden by the environment
 * variable named in its description. Everything listens on 127.0.0.1.
 *
 * @param root                 the repository root, where the services' modules and {@code samples/} are
 *                             ({@code RONBUN_HOME}; default: the working directory)
 * @param stateDir             logs, pid files and data ({@code RONBUN_STATE_DIR}; default {@code <root>/.ronbun})
 * @param kafkaPort            the broker's client port ({@code RONBUN_KAFKA_PORT}; default 9092)
 * @param kafkaControllerPort  the broker's KRaft controller port ({@code RONBUN_KAFKA_CONTROLLER_PORT}; default 9093)
 * @param externalKafka        a broker to use instead of starting one ({@code RONBUN_KAFKA_BOOTSTRAP}; default none)
 * @param postgresPort         the embedded PostgreSQL's port ({@code RONBUN_POSTGRES_PORT}; default 15432)
 * @param externalPostgres     a server to use instead of starting one ({@code RONBUN_JDBC_URL},
 *                             {@code RONBUN_JDBC_USER}, {@code RONBUN_JDBC_PASSWORD}; default none)
 * @param servicePorts         HTTP ports ({@code RONBUN_RECOMMEND_PORT} 8080, {@code RONBUN_INGEST_PORT} 8081,
 *                             {@code RONBUN_EMBED_PORT} 8082)
 * @param readyTimeout         how long each service may take to become ready
 *                             ({@code RONBUN_READY_TIMEOUT_SECONDS}; default 180)
 * @param kafkaReadyTimeout    how long the broker may take to answer ({@code RONBUN_KAFKA_READY_TIMEOUT_SECONDS}; default 90)
 * @param stopTimeout          how long a process may take to stop before it is killed
 *                             ({@code RONBUN_STOP_TIMEOUT_SECONDS}; default 30)
 * @param serviceJvmOptions    extra JVM options for the services ({@code RONBUN_SERVICE_JAVA_OPTS}; default none)
 * @param kafkaJvmOptions      JVM options for the broker ({@code RONBUN_KAFKA_JAVA_OPTS}; default {@code -Xms128m -Xmx512m})
 * @param ingestSamples        whether to ingest {@code samples/} once the services are ready
 *                             ({@code RONBUN_INGEST_SAMPLES}; default true)
 * @param restartPolicy        when a service that is not live is restarted; see {@link RestartPolicy} for its
 *                             variables and defaults (probe every 10 s, restart after 3 failed probes or an exit,
 *                             back-off 1 s doubling to 60 s, reset after 300 s of running)
 * @param brokers              how many Kafka brokers form the cluster ({@code RONBUN_KAFKA_BROKERS}, which
 *                             {@code ./ronbun up --brokers N} sets; default 1); their ports are in {@link PortPlan}
 * @param replicas             how many instances of each service run ({@code RONBUN_REPLICAS}, which
 *                             {@code ./ronbun up --replicas M} sets; default 1); their ports are in {@link PortPlan}
 */
public record StackConfig(Path root, Path stateDir, int kafkaPort, int kafkaControllerPort,
                          Optional<String> externalKafka, int postgresPort, Optional<ExternalPostgres> externalPostgres,
                          Map<RonbunService, Integer> servicePorts, Duration readyTimeout, Duration kafkaReadyTimeout,
                          Duration stopTimeout, List<String> serviceJvmOptions, List<String> kafkaJvmOptions,
                          boolean ingestSamples, RestartPolicy restartPolicy, int brokers, int replicas) {

    /**
     * A PostgreSQL server that is already running.
     *
     * @param jdbcUrl  any JDBC URL on that server; its host and port are used, each service gets its own database
     */
    public record ExternalPostgres(String jdbcUrl, String user, String password) {
    }

    public StackConfig {
        servicePorts = Map.copyOf(servicePorts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        if (brokers < 1 || replicas < 1) {
            throw new IllegalArgumentException("RONBUN_KAFKA_BROKERS and RONBUN_REPLICAS must be at least 1, not "
                    + brokers + " and " + replicas);
        }
    }

    /** The configuration from this process's environment. */
    public static StackConfig fromEnvironment() {
        return from(System.getenv()::get);
    }

    /** The configuration from a lookup of environment variables; unset variables give {@code null}. */
    public static StackConfig from(Function<String, String> environment) {
        Settings settings = new Settings(environment);
        Path root = Path.of(settings.text("RONBUN_HOME", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Map<RonbunService, Integer> ports = new EnumMap<>(RonbunService.class);
        for (RonbunService service : RonbunService.values()) {
            ports.put(service, settings.number(portVariable(service), service.defaultPort()));
        }
        Optional<ExternalPostgres> externalPostgres = settings.optional("RONBUN_JDBC_URL").map(url ->
                new ExternalPostgres(url, settings.text("RONBUN_JDBC_USER", "postgres"),
                        settings.text("RONBUN_JDBC_PASSWORD", "")));
        Duration readyTimeout = Duration.ofSeconds(settings.number("RONBUN_READY_TIMEOUT_SECONDS", 180));
        return new StackConfig(
                root,
                Path.of(settings.text("RONBUN_STATE_DIR", root.resolve(".ronbun").toString())).toAbsolutePath(),
                settings.number("RONBUN_KAFKA_PORT", 9092),
                settings.number("RONBUN_KAFKA_CONTROLLER_PORT", 9093),
                settings.optional("RONBUN_KAFKA_BOOTSTRAP"),
                settings.number("RONBUN_POSTGRES_PORT", 15432),
                externalPostgres,
                ports,
                readyTimeout,
                Duration.ofSeconds(settings.number("RONBUN_KAFKA_READY_TIMEOUT_SECONDS", 90)),
                Duration.ofSeconds(settings.number("RONBUN_STOP_TIMEOUT_SECONDS", 30)),
                settings.words("RONBUN_SERVICE_JAVA_OPTS", ""),
                settings.words("RONBUN_KAFKA_JAVA_OPTS", "-Xms128m -Xmx512m"),
                Boolean.parseBoolean(settings.text("RONBUN_INGEST_SAMPLES", "true")),
                new RestartPolicy(
                        Duration.ofSeconds(settings.number("RONBUN_LIVENESS_INTERVAL_SECONDS", 10)),
                        settings.number("RONBUN_LIVENESS_FAILURES", 3),
                        readyTimeout,
                        Duration.ofSeconds(settings.number("RONBUN_RESTART_BACKOFF_SECONDS", 1)),
                        Duration.ofSeconds(settings.number("RONBUN_RESTART_BACKOFF_MAX_SECONDS", 60)),
                        Duration.ofSeconds(settings.number("RONBUN_RESTART_STABLE_SECONDS", 300))),
                settings.number("RONBUN_KAFKA_BROKERS", 1),
                settings.number("RONBUN_REPLICAS", 1));
    }

    /** The port of every broker, controller and service instance. */
    public PortPlan portPlan() {
        return new PortPlan(kafkaPort, kafkaControllerPort, brokers, servicePorts, replicas);
    }

    /** The variable that overrides a service's port, e.g. {@code RONBUN_INGEST_PORT}. */
    public static String portVariable(RonbunService service) {
        return "RONBUN_" + service.name() + "_PORT";
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    /** Pid files, port files and the generated broker configuration. */
    public Path runDir() {
        return stateDir.resolve("run");
    }

    public Path kafkaDataDir() {
        return kafkaDataDir(1);
    }

    /** Broker {@code node}'s log directory: {@code data/kafka} for the first (as with one broker), then {@code kafka-2}… */
    public Path kafkaDataDir(int node) {
        return stateDir.resolve("data/" + ChildProcess.instanceName(KafkaBrokerProcess.NAME, node));
    }

    public Path postgresDataDir() {
        return stateDir.resolve("data/postgres");
    }

    public Path recommendIndexDir() {
        return recommendIndexDir(1);
    }

    /**
     * The index of recommend-service's replica {@code replica}: each replica keeps a full index of its own
     * ({@code data/recommend-index}, then {@code data/recommend-index-2}…).
     */
    public Path recommendIndexDir(int replica) {
        return stateDir.resolve("data/" + ChildProcess.instanceName("recommend-index", replica));
    }

    /** The key pair that signs local tokens; generated on first run, never committed. */
    public Path keysDir() {
        return stateDir.resolve("keys");
    }

    public Path inboxDir() {
        return stateDir.resolve("inbox");
    }

    public Path samplesDir() {
        return root.resolve("samples");
    }

    /** Local-stack classes and their jars, the classpath the broker runs from. */
    public Path localStackDir() {
        return root.resolve("infra/local-stack");
    }

    private record Settings(Function<String, String> environment) {

        Optional<String> optional(String name) {
            return Optional.ofNullable(environment.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
        }

        String text(String name, String defaultValue) {
            return optional(name).orElse(defaultValue);
        }

        int number(String name, int defaultValue) {
            String value = text(name, Integer.toString(defaultValue));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
            }
        }

        List<String> words(String name, String defaultValue) {
            return Arrays.stream(text(name, defaultValue).split("\\s+")).filter(word -> !word.isEmpty()).toList();
        }
    }
}
