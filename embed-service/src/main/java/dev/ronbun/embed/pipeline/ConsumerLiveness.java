package dev.ronbun.embed.pipeline;

import dev.ronbun.embed.config.EmbedConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness DOWN while the summaries consumer's attempt (a database write or a publication) has run longer than
 * {@code ronbun.embed.retry.stall-limit}: a connection that hangs instead of failing would otherwise stop the
 * consumer silently, since the connector's own age check is off so that outages can be waited out. A failed channel
 * is reported by the messaging extension's own liveness check.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    private final SummaryProcessing summaries;
    private final Duration stallLimit;

    public ConsumerLiveness(SummaryProcessing summaries, EmbedConfig config) {
        this.summaries = summaries;
        this.stallLimit = config.retry().stallLimit();
    }

    @Override
    public HealthCheckResponse call() {
        Duration running = summaries.longestAttemptInFlight();
        return HealthCheckResponse.named("Ronbun consumers")
                .status(running.compareTo(stallLimit) < 0)
                .withData("summaries attempt running for", running.toString())
                .withData("stall limit", stallLimit.toString())
                .build();
    }
}
