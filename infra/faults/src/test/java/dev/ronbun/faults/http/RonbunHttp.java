package dev.ronbun.faults.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The suite's only way to call the services over HTTP. Every request carries the headers of one supplier, so when
 * the API requires a bearer token the suite needs one change: {@code new RonbunHttp(() -> Map.of("Authorization",
 * "Bearer " + token))}.
 */
public final class RonbunHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<Map<String, String>> headers;

    public RonbunHttp(Supplier<Map<String, String>> headers) {
        this.headers = headers;
    }

    /** A client that sends no credentials. */
    public static RonbunHttp anonymous() {
        return new RonbunHttp(Map::of);
    }

    /** @throws IOException when the service cannot be reached or the connection breaks */
    public HttpResponse<String> get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** Posts UTF-8 text with the given media type. */
    public HttpResponse<String> post(URI uri, String mediaType, String body) throws IOException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", mediaType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        headers.get().forEach(request::header);
        try {
            return client.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
