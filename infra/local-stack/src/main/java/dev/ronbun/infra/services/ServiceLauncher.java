package dev.ronbun.infra.services;

import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.process.JavaCommand;
import dev.ronbun.infra.security.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a packaged service as a process, configured through its environment. The local stack and the end-to-end
 * tests both launch services through this class, so the tests exercise exactly what {@code ./ronbun up} runs.
 */
public final class ServiceLauncher {

    /** JVM flags every service gets: the embedding model is bundled, so nothing is ever downloaded. */
    public static final List<String> SERVICE_JVM_FLAGS = List.of("-Dai.djl.offline=true",
            "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");

    /** recommend-service's consumer group for the papers it indexes ({@code mp.messaging.incoming.papers.group.id}). */
    public static final String RECOMMEND_INDEX_GROUP = "recommend-service-index";

    private final Path repositoryRoot;
    private final Path logsDir;
    private final Path runDir;
    private final List<String> extraJvmOptions;

    /**
     * @param repositoryRoot  where the service modules are; also the services' working directory
     * @param logsDir         each service logs to {@code <logsDir>/<module>.log}
     * @param runDir          each service's pid goes to {@code <runDir>/<module>.pid}
     * @param extraJvmOptions JVM options after {@link #SERVICE_JVM_FLAGS}, such as a heap limit
     */
    public ServiceLauncher(Path repositoryRoot, Path logsDir, Path runDir, List<String> extraJvmOptions) {
        this.repositoryRoot = repositoryRoot;
        this.logsDir = logsDir;
        this.runDir = runDir;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    /** Starts the service; it is running but not necessarily ready (see {@link ReadinessProbe}). */
    public ChildProcess launch(RonbunService service, ServiceWiring wiring) {
        return launch(service, 1, wiring, false);
    }

    /**
     * Starts replica {@code replica} (from 1) of the service, wired by {@code wiring} to its own port and index
     * folder; it is running but not necessarily ready.
     */
    public ChildProcess launch(RonbunService service, int replica, ServiceWiring wiring) {
        return launch(service, replica, wiring, false);
    }

    /** Starts the service again after a failure: as {@link #launch}, but its log goes on after the last run's. */
    public ChildProcess relaunch(RonbunService service, ServiceWiring wiring) {
        return launch(service, 1, wiring, true);
    }

    /** Starts a replica again after a failure, its log going on after the last run's. */
    public ChildProcess relaunch(RonbunService service, int replica, ServiceWiring wiring) {
        return launch(service, replica, wiring, true);
    }

    private ChildProcess launch(RonbunService service, int replica, ServiceWiring wiring, boolean appendToLog) {
        Path jar = service.runnableJar(repositoryRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with `mvn -B -DskipTests install`");
        }
        List<String> jvmOptions = new ArrayList<>(SERVICE_JVM_FLAGS);
        jvmOptions.addAll(extraJvmOptions);
        String name = ChildProcess.instanceName(service.moduleName(), replica);
        return ChildProcess.start(name, JavaCommand.jar(jvmOptions, jar), environment(service, replica, wiring),
                repositoryRoot, logsDir.resolve(name + ".log"), runDir.resolve(name + ".pid"), appendToLog);
    }

    /** The environment that configures a service: Quarkus reads each variable as the matching property. */
    public static Map<String, String> environment(RonbunService service, ServiceWiring wiring) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(wiring.port(service)));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", wiring.kafkaBootstrapServers());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", wiring.postgres().jdbcUrl(service.database()));
        environment.put("QUARKUS_DATASOURCE_USERNAME", wiring.postgres().user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", wiring.postgres().password());
        environment.put("RONBUN_RECOMMEND_INDEX_DIR", wiring.recommendIndexDir().toAbsolutePath().toString());
        environment.put("RONBUN_RECOMMEND_EMBED_URL", wiring.baseUrl(RonbunService.EMBED));
        // Recommend shows ingest's readiness and forwards the feed page's requests to it: this run's ingest, not :8081.
        environment.put("RONBUN_RECOMMEND_INGEST_URL", wiring.baseUrl(RonbunService.INGEST));
        environment.put("RONBUN_INGEST_INBOX_DIR", wiring.inboxDir().toAbsolutePath().toString());
        // Email digests link to this run's web UI; without an SMTP host given to ./ronbun (QUARKUS_MAILER_HOST, which
        // the services inherit) they are written to <state>/outbox/*.eml, beside the inbox, to open in a mail client.
        environment.put("RONBUN_RECOMMEND_DIGESTS_PUBLIC_URL", wiring.baseUrl(RonbunService.RECOMMEND));
        if (System.getenv("QUARKUS_MAILER_HOST") == null) {
            environment.put("RONBUN_RECOMMEND_DIGESTS_OUTBOX_DIR",
                    wiring.inboxDir().resolveSibling("outbox").toAbsolutePath().toString());
        }
        // One local replica serves while a replay catches its index up (after an index schema change, say), rather
        // than keep `up` waiting; production replicas report not ready until their index is complete.
        environment.put("RONBUN_RECOMMEND_INDEX_READY_AFTER_REPLAY", "false");
        // Index snapshots go to <state>/snapshots, which every recommend replica shares: a new or wiped replica
        // restores the newest instead of replaying the whole papers topic (an S3 bucket in production).
        if (System.getenv("RONBUN_RECOMMEND_SNAPSHOTS_STORE") == null) {
            environment.put("RONBUN_RECOMMEND_SNAPSHOTS_STORE",
                    wiring.inboxDir().resolveSibling("snapshots").toAbsolutePath().toString());
        }
        // Tokens are verified with the local public key; the web UI's origin is the only one CORS lets in.
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", wiring.publicKey().toAbsolutePath().toString());
        environment.put("MP_JWT_VERIFY_ISSUER", SigningKeys.LOCAL_ISSUER);
        environment.put("QUARKUS_HTTP_CORS_ORIGINS", wiring.baseUrl(RonbunService.RECOMMEND));
        environment.put("OPT_OUT_TRACKING", "true");
        return environment;
    }

    /**
     * The environment of replica {@code replica} (from 1) of a service. Replicas share their consumer groups, so
     * Kafka divides the work among them (summaries, reading events), except recommend-service's papers: each
     * replica keeps a full index of its own, in its own folder, filled through a consumer group of its own. Only the
     * first ingest replica watches the inbox folder and polls the feeds on their schedule, so that no file and no feed
     * entry is taken by two at once (the feed store has no claim across processes); every replica still answers a
     * feed's "poll now".
     */
    public static Map<String, String> environment(RonbunService service, int replica, ServiceWiring wiring) {
        Map<String, String> environment = environment(service, wiring);
        if (replica > 1 && service == RonbunService.RECOMMEND) {
            environment.put("MP_MESSAGING_INCOMING_PAPERS_GROUP_ID",
                    ChildProcess.instanceName(RECOMMEND_INDEX_GROUP, replica));
        }
        if (service == RonbunService.RECOMMEND) {
            environment.put("RONBUN_RECOMMEND_SNAPSHOTS_REPLICA", ChildProcess.instanceName(service.moduleName(), replica));
        }
        if (replica > 1 && service == RonbunService.INGEST) {
            environment.put("RONBUN_INGEST_INBOX_ENABLED", "false");
            environment.put("RONBUN_INGEST_FEEDS_ENABLED", "false");
        }
        return environment;
    }
}
