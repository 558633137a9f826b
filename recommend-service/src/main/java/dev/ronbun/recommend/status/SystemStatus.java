package dev.ronbun.recommend.status;

import java.time.Instant;
import java.util.List;

/**
 * Every service's readiness at one moment: what the web UI's header shows (「一部停止中」 and the names when one is not).
 *
 * @param ready    true when every service is ready
 * @param notReady the names of the services that are not, in pipeline order
 * @param services each service, in pipeline order
 * @param at       when it was measured
 */
public record SystemStatus(boolean ready, List<String> notReady, List<ServiceReadiness> services, Instant at) {

    static SystemStatus of(List<ServiceReadiness> services, Instant at) {
        List<String> notReady = services.stream().filter(s -> !s.ready()).map(ServiceReadiness::name).toList();
        return new SystemStatus(notReady.isEmpty(), notReady, List.copyOf(services), at);
    }
}
