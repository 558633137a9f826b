package dev.ronbun.recommend.pipeline;

import dev.ronbun.recommend.config.RecommendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness DOWN while a consumer's attempt (a database or index write) has run longer than
 * {@code ronbun.recommend.retry.stall-limit}: a connection that hangs instead of failing would otherwise stop the
 * consumer silently, since the connector's own age check is off so that outages can be waited out. A failed channel
 * is reported by the messaging extension's own liveness check.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    private final PaperIndexer papers;
    private final ReadingEventConsumer readingEvents;
    private final Duration stallLimit;

    public ConsumerLiveness(PaperIndexer papers, ReadingEventConsumer readingEvents, RecommendConfig config) {
        this.papers = papers;
        this.readingEvents = readingEvents;
        this.stallLimit = config.retry().stallLimit();
    }

    @Override
    public HealthCheckResponse call() {
        Duration paper = papers.longestAttemptInFlight();
        Duration reading = readingEvents.longestAttemptInFlight();
        return HealthCheckResponse.named("Ronbun consumers")
                .status(paper.compareTo(stallLimit) < 0 && reading.compareTo(stallLimit) < 0)
                .withData("papers attempt running for", paper.toString())
                .withData("reading-events attempt running for", reading.toString())
                .withData("stall limit", stallLimit.toString())
                .build();
    }
}
