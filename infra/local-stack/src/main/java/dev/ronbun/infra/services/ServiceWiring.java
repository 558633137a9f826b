package dev.ronbun.infra.services;

import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.infra.security.SigningKeys;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the services are connected to: the broker, the database server, each other's ports, and the folders the
 * services keep their files in.
 *
 * @param kafkaBootstrapServers the broker's {@code bootstrap.servers}
 * @param postgres              the server holding each service's database
 * @param ports                 the HTTP port of every service
 * @param recommendIndexDir     where recommend-service keeps its search index
 * @param inboxDir              the folder ingest-service watches for documents
 * @param publicKey             the PEM public key that verifies tokens, issued by {@link SigningKeys#LOCAL_ISSUER}
 */
public record ServiceWiring(String kafkaBootstrapServers, PostgresServer postgres, Map<RonbunService, Integer> ports,
                            Path recommendIndexDir, Path inboxDir, Path publicKey) {

    public ServiceWiring {
        ports = Map.copyOf(new EnumMap<>(ports));
        for (RonbunService service : RonbunService.values()) {
            if (!ports.containsKey(service)) {
                throw new IllegalArgumentException("No port for " + service.moduleName());
            }
        }
    }

    public int port(RonbunService service) {
        return ports.get(service);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl(RonbunService service) {
        return "http://127.0.0.1:" + port(service);
    }
}
