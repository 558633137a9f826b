package dev.ronbun.ingest.cli;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where the commands that talk to a running ingest-service find it, and as whom: the options {@code ./ronbun ingest}
 * and {@code ./ronbun feeds} share (a picocli mixin), and the request they both start from.
 */
public class IngestServiceOptions {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:RONBUN_INGEST_URL:-http://127.0.0.1:8081}",
            description = "ingest-service (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:RONBUN_TOKEN}",
            description = "a curator token (default: RONBUN_TOKEN)")
    String token;

    /** A request to {@code path} of the service, with the token when there is one. */
    HttpRequest.Builder request(String path) {
        return request(url, token, path);
    }

    static HttpRequest.Builder request(String url, String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT);
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token.strip());
        }
        return builder;
    }
}
