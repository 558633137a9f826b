package dev.ronbun.ingest.feeds;

import dev.ronbun.ingest.config.IngestConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a feed or a linked page: conditional GET (ETag, Last-Modified), a size cap, a deadline for the whole fetch,
 * and redirects followed by hand so that each hop passes {@link FeedAddresses} and a loop or a long chain is an error.
 * Each hop connects to the address {@link FeedAddresses#resolve} checked (Vert.x's {@code RequestOptions#setServer}),
 * while the Host header, TLS SNI and certificate check keep the host name.
 */
@ApplicationScoped
public class FeedFetcher {

    static final String USER_AGENT = "Ronbun-FeedReader/1.0 (+https://github.com/ronbun)";
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
            + " application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";

    private final FeedAddresses addresses;
    private final Duration timeout;
    private final Duration deadline;
    private final int maxRedirects;
    private final HttpClient http;

    @Inject
    public FeedFetcher(FeedAddresses addresses, IngestConfig config, Vertx vertx) {
        this(addresses, vertx, config.feeds().fetchTimeout(), config.feeds().fetchDeadline(),
                config.feeds().maxRedirects());
    }

    FeedFetcher(FeedAddresses addresses, Vertx vertx, Duration timeout, Duration deadline, int maxRedirects) {
        this.addresses = addresses;
        this.timeout = timeout;
        this.deadline = deadline;
        this.maxRedirects = maxRedirects;
        // One connection per fetch: a pooled connection would outlive the address check that opened it.
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** What a fetch brought: nothing new (304), or the body with the validators to send next time. */
    public record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified) {
    }

    /** One hop's answer: its status, and the body only for a 200. */
    private record Answer(int status, String location, byte[] body, String contentType, String etag,
                          String lastModified) {
    }

    public Fetched fetch(URI start, String etag, String lastModified, int maxBytes) throws FeedException {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        URI uri = start;
        Set<URI> visited = new HashSet<>();
        for (int hop = 0; ; hop++) {
            InetAddress address = addresses.resolve(uri);
            if (!visited.add(uri)) {
                throw new FeedException("Redirect loop: " + uri + " was reached twice.");
            }
            Answer answer = exchange(start, uri, address, etag, lastModified, maxBytes, deadlineNanos);
            int status = answer.status();
            if (status >= 300 && status < 400 && status != 304) {
                if (answer.location() == null || answer.location().isBlank()) {
                    throw new FeedException("HTTP " + status + " without a Location header from " + uri + ".");
                }
                if (hop >= maxRedirects) {
                    throw new FeedException("More than " + maxRedirects + " redirects from " + start + ".");
                }
                try {
                    uri = uri.resolve(answer.location().strip());
                } catch (IllegalArgumentException e) {
                    throw new FeedException("Redirect to an invalid URL: " + answer.location());
                }
                continue;
            }
            if (status == 304) {
                return new Fetched(true, null, null, etag, lastModified);
            }
            if (status != 200) {
                throw new FeedException("HTTP " + status + " from " + uri + ".");
            }
            return new Fetched(false, answer.body(), answer.contentType() == null ? "" : answer.contentType(),
                    answer.etag(), answer.lastModified());
        }
    }

    private Answer exchange(URI start, URI uri, InetAddress address, String etag, String lastModified, int maxBytes,
                            long deadlineNanos) throws FeedException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(host).setPort(port).setSsl(https).setURI(path)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("User-Agent", USER_AGENT)
                .putHeader("Accept", ACCEPT);
        if (etag != null) {
            options.putHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            options.putHeader("If-Modified-Since", lastModified);
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        http.request(options).onFailure(answer::completeExceptionally).onSuccess(request -> {
            sent.set(request);
            request.send().onFailure(answer::completeExceptionally)
                    .onSuccess(response -> read(uri, request, response, maxBytes, answer));
        });
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The connection is closed, so a trickling server stops holding a worker thread.
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw new FeedException("No complete answer from " + start + " within " + deadline.toSeconds()
                    + " s (ronbun.ingest.feeds.fetch-deadline).");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FeedException feedException) {
                throw feedException;
            }
            throw new FeedException("Could not fetch " + uri + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException("Interrupted while fetching " + uri + ".");
        }
    }

    /** Reads a 200's body up to {@code maxBytes}; any other status is answered without reading its body. */
    private static void read(URI uri, HttpClientRequest request, HttpClientResponse response, int maxBytes,
                             CompletableFuture<Answer> answer) {
        int status = response.statusCode();
        String contentType = response.getHeader("Content-Type");
        String etag = response.getHeader("ETag");
        String lastModified = response.getHeader("Last-Modified");
        // The reset below that closes a body nobody reads is expected, not an error to log.
        response.exceptionHandler(answer::completeExceptionally);
        if (status != 200) {
            answer.complete(new Answer(status, response.getHeader("Location"), null, contentType, etag, lastModified));
            request.reset();
            return;
        }
        String length = response.getHeader("Content-Length");
        if (length != null && declaredLength(length) > maxBytes) {
            answer.completeExceptionally(tooLarge(uri, maxBytes));
            request.reset();
            return;
        }
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (answer.isDone()) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                answer.completeExceptionally(tooLarge(uri, maxBytes));
                request.reset();
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(end -> answer.complete(
                new Answer(status, null, body.getBytes(), contentType, etag, lastModified)));
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static FeedException tooLarge(URI uri, int maxBytes) {
        return new FeedException(uri + " is larger than " + maxBytes + " bytes (ronbun.ingest.feeds.max-feed-bytes).");
    }
}
