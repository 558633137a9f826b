package dev.ronbun.recommend.feeds;

import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.recommend.config.RecommendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * ingest-service's feed API ({@code /api/feeds}), and its document retraction, as the web UI reaches them through this service: the caller's bearer
 * token goes along, so ingest decides what the caller may do, and ingest's answer comes back as it was.
 */
@ApplicationScoped
public class IngestFeeds {

    private static final Logger LOG = Logger.getLogger(IngestFeeds.class);

    /** Ingest's answer: its status, content type and body, passed on unchanged. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final HttpClient http;
    private final String ingestUrl;
    private final String feedsUrl;
    private final Duration timeout;

    public IngestFeeds(RecommendConfig config, HttpClient http) {
        this.timeout = config.ingestTimeout();
        this.ingestUrl = config.ingestUrl().replaceAll("/+$", "");
        this.feedsUrl = ingestUrl + "/api/feeds";
        this.http = http;
    }

    /**
     * Sends {@code method} to {@code /api/feeds} plus {@code path} ("" or "/{id}" or "/{id}/poll"), with the caller's
     * Authorization header and a JSON body when there is one; a 503 problem when ingest-service does not answer.
     */
    public Answer forward(String method, String path, String authorization, String jsonBody) {
        return send(method, feedsUrl + path, authorization, jsonBody);
    }

    /** Asks ingest-service to retract a document ({@code DELETE /api/documents/{id}}) as the caller. */
    public Answer retractDocument(String documentId, String authorization) {
        return send("DELETE", ingestUrl + "/api/documents/" + documentId, authorization, null);
    }

    private Answer send(String method, String url, String authorization, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            LOG.infof("ingest-service did not answer %s %s: %s", method, url, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private ProblemException unavailable() {
        return new ProblemException(503, "ingest-unavailable", "Service unavailable",
                "ingest-service, which keeps the feeds and documents, did not answer at " + ingestUrl
                        + "; try again when it is up.");
    }
}
