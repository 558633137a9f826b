package dev.ronbun.contracts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness DOWN while a consumer's attempt (a database or index write, a publication) has run longer than the
 * service's {@code ronbun.<service>.retry.stall-limit}: a connection that hangs instead of failing would otherwise
 * stop the consumer silently, since the connector's own age check is off so that outages can be waited out. Every
 * {@link RetryingConsumer} bean of the service is watched; a failed channel is reported by the messaging
 * extension's own liveness check.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    static final String NAME = "Ronbun consumers";

    private final Iterable<? extends RetryingConsumer> consumers;

    @Inject
    public ConsumerLiveness(@Any Instance<RetryingConsumer> consumers) {
        this.consumers = consumers;
    }

    ConsumerLiveness(Iterable<? extends RetryingConsumer> consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        boolean up = true;
        for (RetryingConsumer consumer : consumers) {
            Duration running = consumer.redelivery().longestAttemptInFlight();
            Optional<Duration> limit = consumer.redelivery().stallLimit();
            data.put(consumer.consumerName() + " attempt running for", running.toString());
            limit.ifPresent(stall -> data.put(consumer.consumerName() + " stall limit", stall.toString()));
            up &= limit.map(stall -> running.compareTo(stall) < 0).orElse(true);
        }
        // The constructor rather than the builder: the builder needs the health extension's provider at run time.
        return new HealthCheckResponse(NAME, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                data.isEmpty() ? Optional.empty() : Optional.of(data));
    }
}
