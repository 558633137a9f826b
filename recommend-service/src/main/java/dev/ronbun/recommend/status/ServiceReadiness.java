package dev.ronbun.recommend.status;

/**
 * Whether one of Ronbun's services is ready to serve, as its {@code /q/health/ready} says.
 *
 * @param name  the service ("ingest-service", "embed-service", "recommend-service")
 * @param ready true when its readiness answered UP in time
 */
public record ServiceReadiness(String name, boolean ready) {
}
