package dev.ronbun.infra.testing;

import dev.ronbun.infra.kafka.InJvmKafka;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.security.SigningKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The real broker and database that a service's {@code @QuarkusTest} runs against:
 * <pre>{@code
 * @QuarkusTestResource(value = RonbunTestInfrastructure.class,
 *         initArgs = @ResourceArg(name = "database", value = "ronbun_embed"))
 * }</pre>
 * Starts, once per JVM, an in-JVM KRaft Kafka with every topic of {@code Topics} (dead-letter topics included)
 * and, when a test asks for a {@code database}, an embedded PostgreSQL holding that database. The service verifies
 * tokens with the public key of {@link TestTokens}. Both are shared by
 * all test classes and stopped when the JVM exits, so {@link #stop()} deliberately leaves them running.
 *
 * <p>Tests that need their own clients use {@link #bootstrapServers()} and {@link #jdbcUrl(String)}.
 */
public class RonbunTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init argument naming the database the test needs; without it no PostgreSQL is started. */
    public static final String DATABASE_ARG = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String requested = initArgs.get(DATABASE_ARG);
        database = requested == null || requested.isBlank() ? null : requested.trim();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString());
        config.put("mp.jwt.verify.issuer", SigningKeys.LOCAL_ISSUER);
        if (database != null) {
            PostgresServer postgres = postgres();
            postgres.createDatabaseIfMissing(database);
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.user());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    /** Leaves the broker and the database running for the next test class; a JVM shutdown hook stops them. */
    @Override
    public void stop() {
    }

    /** The shared broker's {@code bootstrap.servers}, starting it (with all topics) if this JVM has none yet. */
    public static String bootstrapServers() {
        return SharedInfrastructure.kafkaBootstrapServers();
    }

    /** The shared PostgreSQL server, starting it if this JVM has none yet. */
    public static PostgresServer postgres() {
        return SharedInfrastructure.postgres();
    }

    /** The shared server's data directory, as the server reports it: where its postmaster's pid and options are. */
    public static Path postgresDataDirectory() {
        try (Connection db = postgres().connect(PostgresServer.MAINTENANCE_DATABASE);
             Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("show data_directory")) {
            row.next();
            return Path.of(row.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find the test server's data directory", e);
        }
    }

    /** The JDBC URL of a database on the shared server, creating the database if it is missing. */
    public static String jdbcUrl(String database) {
        PostgresServer postgres = postgres();
        postgres.createDatabaseIfMissing(database);
        return postgres.jdbcUrl(database);
    }

    /**
     * The one broker and one database server of this JVM. Quarkus may load this class once per test application
     * class loader, so the addresses are kept in system properties (one per JVM) rather than in static fields,
     * and the lock is an interned string, which is also one per JVM.
     */
    static final class SharedInfrastructure {

        static final String KAFKA_PROPERTY = "ronbun.test-infrastructure.kafka.bootstrap-servers";
        static final String POSTGRES_PORT_PROPERTY = "ronbun.test-infrastructure.postgres.port";

        private static final Object LOCK = "dev.ronbun.infra.testing.RonbunTestInfrastructure.lock".intern();

        private SharedInfrastructure() {
        }

        static String kafkaBootstrapServers() {
            synchronized (LOCK) {
                String running = System.getProperty(KAFKA_PROPERTY);
                if (running != null) {
                    return running;
                }
                InJvmKafka kafka = InJvmKafka.start();
                stopOnExit("kafka", kafka);
                TopicProvisioner.forSingleBroker(kafka.bootstrapServers()).provisionAll();
                System.setProperty(KAFKA_PROPERTY, kafka.bootstrapServers());
                return kafka.bootstrapServers();
            }
        }

        static PostgresServer postgres() {
            synchronized (LOCK) {
                String runningPort = System.getProperty(POSTGRES_PORT_PROPERTY);
                if (runningPort != null) {
                    return server(Integer.parseInt(runningPort));
                }
                LocalPostgres postgres = LocalPostgres.throwaway();
                stopOnExit("postgres", postgres);
                System.setProperty(POSTGRES_PORT_PROPERTY, Integer.toString(postgres.server().port()));
                return postgres.server();
            }
        }

        private static PostgresServer server(int port) {
            return new PostgresServer("127.0.0.1", port, LocalPostgres.SUPERUSER, LocalPostgres.PASSWORD);
        }

        private static void stopOnExit(String name, AutoCloseable resource) {
            Thread stopper = new Thread(() -> {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("ronbun test infrastructure: could not stop " + name + ": " + e);
                }
            }, "ronbun-test-infrastructure-stop-" + name);
            Runtime.getRuntime().addShutdownHook(stopper);
        }
    }
}
