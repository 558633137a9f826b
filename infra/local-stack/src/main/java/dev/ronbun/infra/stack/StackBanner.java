package dev.ronbun.infra.stack;

import dev.ronbun.infra.postgres.PostgresServer;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.security.TokenIssuer;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.services.ServiceWiring;
import java.util.List;

/** What {@code ./ronbun up} prints once everything is healthy: the addresses of every process, and a token per role. */
final class StackBanner {

    private StackBanner() {
    }

    static String summary(StackConfig config, List<ServiceWiring> replicas, PostgresServer postgres,
                          String bootstrapServers, double healthySeconds) {
        StringBuilder text = new StringBuilder();
        text.append("\nRonbun is up: all services healthy %.1f s after start.%n%n".formatted(healthySeconds));
        for (int replica = 1; replica <= replicas.size(); replica++) {
            text.append("  %-19s %s/%n".formatted(replica == 1 ? "Web UI" : "Web UI (replica " + replica + ")",
                    replicas.get(replica - 1).baseUrl(RonbunService.RECOMMEND)));
        }
        for (RonbunService service : RonbunService.values()) {
            for (int replica = 1; replica <= replicas.size(); replica++) {
                String base = replicas.get(replica - 1).baseUrl(service);
                text.append("  %-19s %s  (Swagger UI %s/q/swagger-ui, health %s/q/health, metrics %s/q/metrics)%n"
                        .formatted(ChildProcess.instanceName(service.moduleName(), replica), base, base, base, base));
            }
        }
        text.append("  Kafka               ").append(bootstrapServers).append('\n');
        text.append("  PostgreSQL          ").append(postgres.jdbcUrl("<database>")).append(" (user ")
                .append(postgres.user()).append(")\n");
        text.append("  Logs                ").append(config.logsDir()).append("  (./ronbun logs <name>)\n");
        text.append("\nStop with Ctrl-C or ./ronbun down.\n");
        return text.toString();
    }

    /** One token per role for local use, and the web UI link that signs the browser in as admin. */
    static String tokens(ServiceWiring wiring, TokenIssuer issuer) {
        StringBuilder text = new StringBuilder("Tokens (valid %d h; ./ronbun token --role ROLE [--reader ID] prints more):%n"
                .formatted(TokenIssuer.DEFAULT_LIFETIME.toHours()));
        String admin = null;
        for (String role : Roles.ALL) {
            String reader = Roles.READER.equals(role) ? RonbunStack.SAMPLE_READER : null;
            String token = issuer.token(role, reader);
            if (Roles.ADMIN.equals(role)) {
                admin = token;
            }
            text.append("  %-8s %s%s%n".formatted(role, reader == null ? "" : "(reader " + reader + ") ", token));
        }
        text.append("  Web UI signed in as admin: ").append(wiring.baseUrl(RonbunService.RECOMMEND))
                .append("/index.html#token=").append(admin).append('\n');
        return text.toString();
    }
}
