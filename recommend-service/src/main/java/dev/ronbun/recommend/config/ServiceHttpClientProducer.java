package dev.ronbun.recommend.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP client recommend-service calls the other services with (ingest's feed API and retractions, embed's
 * query embeddings, both services' readiness): one connection pool and selector thread, not one per caller. Each
 * request sets its own deadline ({@link RecommendConfig#ingestTimeout()}, {@code embedTimeout}, {@code statusTimeout}),
 * which bounds connecting as well; the connect timeout here only keeps a connection attempt from outliving them all.
 * Redirects are not followed: ingest's answers are passed on as they were.
 */
@ApplicationScoped
public class ServiceHttpClientProducer {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Produces
    @Singleton
    HttpClient serviceHttpClient() {
        return HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** At shutdown, requests still waiting (a feed poll forwarded to ingest) are abandoned rather than awaited. */
    void close(@Disposes HttpClient client) {
        client.shutdownNow();
    }
}
