package dev.ronbun.infra.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks a service once whether it is live ({@code /q/health/live}, as a Kubernetes liveness probe would), and when it
 * is not, says why in a few words: the failed messaging channels or health checks, the status code, or the error.
 */
public final class LivenessProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SmallRye Reactive Messaging marks a failed channel this way in its health check's data. */
    private static final String FAILED_CHANNEL = "[KO]";

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout how long one answer may take; a slower one counts as not live */
    public LivenessProbe(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The liveness endpoint of a service listening on {@code baseUrl}. */
    public static URI livenessOf(String baseUrl) {
        return URI.create(baseUrl + "/q/health/live");
    }

    /** One probe's outcome; {@code reason} is empty when live. */
    public record Liveness(boolean live, String reason) {
    }

    /** Probes {@code livenessUrl} once. */
    public Liveness check(URI livenessUrl) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(livenessUrl).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Liveness(false, "no answer: " + e);
        }
        if (response.statusCode() == 200) {
            return new Liveness(true, "");
        }
        return new Liveness(false, whyDown(response.statusCode(), response.body()));
    }

    /** "channel reading-events failed", "check X is DOWN", or the status code when the body says nothing usable. */
    static String whyDown(int status, String body) {
        List<String> reasons = new ArrayList<>();
        try {
            for (JsonNode check : JSON.readTree(body).path("checks")) {
                if (!"DOWN".equals(check.path("status").asText())) {
                    continue;
                }
                int before = reasons.size();
                for (Map.Entry<String, JsonNode> data : check.path("data").properties()) {
                    if (data.getValue().asText().startsWith(FAILED_CHANNEL)) {
                        reasons.add("channel " + data.getKey() + " failed");
                    }
                }
                if (reasons.size() == before) {
                    reasons.add("check " + check.path("name").asText("?") + " is DOWN");
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // the status code alone says enough
        }
        return reasons.isEmpty() ? "HTTP " + status : String.join(", ", reasons);
    }
}
