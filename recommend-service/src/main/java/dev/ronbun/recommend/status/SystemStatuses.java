package dev.ronbun.recommend.status;

import dev.ronbun.recommend.config.RecommendConfig;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks each service for its readiness: this one through its own health checks, ingest- and embed-service over HTTP
 * ({@code /q/health/ready}, answered with 503 while a check is DOWN, e.g. the database or the broker unreachable).
 * An answer is reused for {@code status-cache-for}, so that many open pages polling cost one round of requests.
 */
@ApplicationScoped
public class SystemStatuses {

    private final SmallRyeHealthReporter health;
    private final HttpClient http;
    private final URI ingestReady;
    private final URI embedReady;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile SystemStatus last;

    public SystemStatuses(SmallRyeHealthReporter health, RecommendConfig config, Clock clock, HttpClient http) {
        this.health = health;
        this.timeout = config.statusTimeout();
        this.cacheFor = config.statusCacheFor();
        this.clock = clock;
        this.http = http;
        this.ingestReady = readinessOf(config.ingestUrl());
        this.embedReady = readinessOf(config.embedUrl());
    }

    public SystemStatus current() {
        SystemStatus cached = last;
        Instant now = clock.instant();
        if (cached != null && cached.at().plus(cacheFor).isAfter(now)) {
            return cached;
        }
        CompletableFuture<Boolean> ingest = ready(ingestReady);
        CompletableFuture<Boolean> embed = ready(embedReady);
        boolean self = !health.getReadiness().isDown();
        SystemStatus status = SystemStatus.of(List.of(
                new ServiceReadiness("ingest-service", ingest.join()),
                new ServiceReadiness("embed-service", embed.join()),
                new ServiceReadiness("recommend-service", self)), now);
        last = status;
        return status;
    }

    private CompletableFuture<Boolean> ready(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                // unreachable, refused or too slow: not ready (the reason is the other service's to log)
                .exceptionally(failure -> false);
    }

    private static URI readinessOf(String baseUrl) {
        return URI.create(baseUrl.replaceAll("/+$", "") + "/q/health/ready");
    }
}
