package dev.ronbun.recommend.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.ranking.QueryVector;
import dev.ronbun.recommend.ranking.QueryVectors;
import dev.ronbun.recommend.security.CallerToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Query vectors from embed-service's {@code POST /api/embeddings} (mode "query"), so queries and papers share one
 * model; the caller's token is passed on. Answers are cached per text. When embed-service fails or is unreachable,
 * calls pause for a short while, so that an outage costs one timeout rather than one per request, and callers fall
 * back to BM25.
 */
@ApplicationScoped
public class EmbedServiceClient implements QueryVectors {

    private static final Logger LOG = Logger.getLogger(EmbedServiceClient.class);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(10);
    private static final int CACHED_TEXTS = 1000;

    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;
    private final ObjectMapper json;
    private final CallerToken callerToken;
    private final Map<String, QueryVector> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, QueryVector> eldest) {
                    return size() > CACHED_TEXTS;
                }
            });
    private volatile long pausedUntilNanos = System.nanoTime();

    public EmbedServiceClient(RecommendConfig config, ObjectMapper json, CallerToken callerToken, HttpClient http) {
        this.callerToken = callerToken;
        this.timeout = config.embedTimeout();
        this.http = http;
        this.endpoint = URI.create(config.embedUrl().replaceAll("/+$", "") + "/api/embeddings");
        this.json = json;
    }

    @Override
    public Optional<QueryVector> embed(String text) {
        QueryVector cached = cache.get(text);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (System.nanoTime() - pausedUntilNanos < 0) {
            return Optional.empty();
        }
        try {
            String body = json.writeValueAsString(new EmbeddingRequest(List.of(text), "query"));
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            callerToken.raw().ifPresent(token -> request.header("Authorization", "Bearer " + token));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            EmbeddingReply reply = json.readValue(response.body(), EmbeddingReply.class);
            if (reply.vectors() == null || reply.vectors().size() != 1) {
                throw new IllegalStateException("expected one vector");
            }
            QueryVector vector = new QueryVector(reply.modelId(), reply.modelVersion(), reply.vectors().getFirst());
            cache.put(text, vector);
            return Optional.of(vector);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            pausedUntilNanos = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
            LOG.warnf("embed-service at %s did not embed a query (%s); using BM25 only for %d s", endpoint,
                    e.toString(), PAUSE_AFTER_FAILURE.toSeconds());
            return Optional.empty();
        }
    }

    record EmbeddingRequest(List<String> texts, String mode) {
    }

    record EmbeddingReply(String modelId, String modelVersion, int dimension, List<float[]> vectors) {
    }
}
