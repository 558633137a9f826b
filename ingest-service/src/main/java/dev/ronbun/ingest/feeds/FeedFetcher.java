package dev.ronbun.ingest.feeds;

import dev.ronbun.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches a feed or a linked page: conditional GET (ETag, Last-Modified), a timeout, a size cap, and redirects
 * followed by hand so that each hop passes {@link FeedAddresses} and a loop or a long chain is an error.
 */
@ApplicationScoped
public class FeedFetcher {

    static final String USER_AGENT = "Ronbun-FeedReader/1.0 (+https://github.com/ronbun)";

    private final FeedAddresses addresses;
    private final Duration timeout;
    private final int maxRedirects;
    private final HttpClient http;

    public FeedFetcher(FeedAddresses addresses, IngestConfig config) {
        this.addresses = addresses;
        this.timeout = config.feeds().fetchTimeout();
        this.maxRedirects = config.feeds().maxRedirects();
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** What a fetch brought: nothing new (304), or the body with the validators to send next time. */
    public record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified) {
    }

    public Fetched fetch(URI start, String etag, String lastModified, int maxBytes) throws FeedException {
        URI uri = start;
        Set<URI> visited = new HashSet<>();
        for (int hop = 0; ; hop++) {
            addresses.require(uri);
            if (!visited.add(uri)) {
                throw new FeedException("Redirect loop: " + uri + " was reached twice.");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("User-Agent", USER_AGENT)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json,"
                            + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = send(request.build());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response);
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    throw new FeedException("HTTP " + status + " without a Location header from " + uri + ".");
                }
                if (hop >= maxRedirects) {
                    throw new FeedException("More than " + maxRedirects + " redirects from " + start + ".");
                }
                try {
                    uri = uri.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    throw new FeedException("Redirect to an invalid URL: " + location.get());
                }
                continue;
            }
            if (status == 304) {
                close(response);
                return new Fetched(true, null, null, etag, lastModified);
            }
            if (status != 200) {
                close(response);
                throw new FeedException("HTTP " + status + " from " + uri + ".");
            }
            byte[] body = readCapped(response, maxBytes);
            return new Fetched(false, body, response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws FeedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FeedException("No answer from " + request.uri() + " within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            throw new FeedException("Could not fetch " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("Interrupted while fetching " + request.uri() + ".");
        }
    }

    private static byte[] readCapped(HttpResponse<InputStream> response, int maxBytes) throws FeedException {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(response);
            throw tooLarge(response.uri(), maxBytes);
        }
        try (InputStream in = response.body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (out.size() + read > maxBytes) {
                    throw tooLarge(response.uri(), maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FeedException("Could not read " + response.uri() + ": " + e, e);
        }
    }

    private static FeedException tooLarge(URI uri, int maxBytes) {
        return new FeedException(uri + " is larger than " + maxBytes + " bytes (ronbun.ingest.feeds.max-feed-bytes).");
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // Nothing more is read from it either way.
        }
    }
}
