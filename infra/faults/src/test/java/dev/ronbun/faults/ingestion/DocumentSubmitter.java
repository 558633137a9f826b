package dev.ronbun.faults.ingestion;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.RedeliveryPolicy;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.http.RonbunHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The producer side of the delivery guarantee: posts a document to ingest-service and, like any well-behaved client,
 * posts it again after a broken connection or a 5xx answer, with the pipeline's own exponential back-off, until it
 * is accepted or about ten minutes have passed. Posting again is safe because ingest deduplicates by content hash.
 */
public final class DocumentSubmitter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * 250 ms doubling to 5 s: 130 attempts span about ten minutes, longer than any fault the suite injects (the
     * longest, PostgreSQL down, is 5 minutes by default).
     */
    private static final RedeliveryPolicy RETRIES = new RedeliveryPolicy(130, Duration.ofMillis(250),
            Duration.ofSeconds(5));

    private final RonbunHttp http;
    private final String ingestBaseUrl;

    public DocumentSubmitter(RonbunHttp http, String ingestBaseUrl) {
        this.http = http;
        this.ingestBaseUrl = ingestBaseUrl;
    }

    public Submission submit(SyntheticDocument document) {
        URI uri = URI.create(ingestBaseUrl + "/api/documents?format=structured-summary&name="
                + URLEncoder.encode(document.name(), StandardCharsets.UTF_8));
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<String> lastError = new AtomicReference<>();
        try {
            return RETRIES.run("posting " + document.name(), () -> {
                int attempt = attempts.incrementAndGet();
                try {
                    HttpResponse<String> response = http.post(uri, "text/markdown", document.text());
                    int status = response.statusCode();
                    if (status >= 500) {
                        lastError.set("HTTP " + status + " " + abbreviate(response.body()));
                        throw new IllegalStateException(lastError.get());
                    }
                    boolean accepted = status == 200 || status == 202;
                    return accepted
                            ? new Submission(document, status,
                                    JSON.readTree(response.body()).path("duplicate").asBoolean(), attempt, lastError.get())
                            : new Submission(document, status, false, attempt, "HTTP " + status + " " + response.body());
                } catch (IOException e) {
                    lastError.set(e.toString());
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IllegalStateException gaveUp) {
            return new Submission(document, 0, false, attempts.get(), lastError.get());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
