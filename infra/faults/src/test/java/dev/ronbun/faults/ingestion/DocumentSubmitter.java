package dev.ronbun.faults.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.http.RonbunHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The producer side of the delivery guarantee: posts a document to ingest-service and, like any well-behaved client,
 * posts it again after a broken connection or a 5xx answer, with exponential back-off, until it is accepted or the
 * deadline passes. Posting again is safe because ingest deduplicates by content hash.
 */
public final class DocumentSubmitter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final RonbunHttp http;
    private final String ingestBaseUrl;
    private final Duration deadline;

    /** @param deadline how long one document may keep failing before the suite gives it up */
    public DocumentSubmitter(RonbunHttp http, String ingestBaseUrl, Duration deadline) {
        this.http = http;
        this.ingestBaseUrl = ingestBaseUrl;
        this.deadline = deadline;
    }

    public Submission submit(SyntheticDocument document) {
        URI uri = URI.create(ingestBaseUrl + "/api/documents?format=structured-summary&name="
                + URLEncoder.encode(document.name(), StandardCharsets.UTF_8));
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        Duration delay = FIRST_DELAY;
        String lastError = null;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.post(uri, "text/markdown", document.text());
                int status = response.statusCode();
                if (status == 200 || status == 202) {
                    JsonNode body = JSON.readTree(response.body());
                    return new Submission(document, status, body.path("duplicate").asBoolean(), attempt, lastError);
                }
                if (status < 500) {
                    return new Submission(document, status, false, attempt, "HTTP " + status + " " + response.body());
                }
                lastError = "HTTP " + status + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastError = e.toString();
            }
            if (System.nanoTime() + delay.toNanos() > giveUpAt) {
                return new Submission(document, 0, false, attempt, lastError);
            }
            sleep(delay);
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to post again", e);
        }
    }
}
