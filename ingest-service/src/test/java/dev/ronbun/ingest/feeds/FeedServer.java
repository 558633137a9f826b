package dev.ronbun.ingest.feeds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 serving feeds the tests change as they go, counting requests per path. */
final class FeedServer implements AutoCloseable {

    /** What one path answers. {@code etag} non-null makes it answer 304 to a matching If-None-Match. */
    record Answer(int status, String contentType, byte[] body, String etag, Map<String, String> headers) {

        static Answer of(String contentType, String body) {
            return new Answer(200, contentType, body.getBytes(StandardCharsets.UTF_8), null, Map.of());
        }

        Answer withEtag(String value) {
            return new Answer(status, contentType, body, value, headers);
        }

        static Answer status(int status) {
            return new Answer(status, "text/plain", ("status " + status).getBytes(StandardCharsets.UTF_8), null, Map.of());
        }

        static Answer redirect(String location) {
            return new Answer(302, "text/plain", new byte[0], null, Map.of("Location", location));
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    /** Paths whose body is streamed (chunked, no Content-Length) in this many bytes. */
    private final Map<String, Integer> streamed = new ConcurrentHashMap<>();
    /** Paths whose body trickles in, a byte every 100 ms for a minute. */
    private final Set<String> trickled = ConcurrentHashMap.newKeySet();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A thread per exchange, so a trickling answer does not hold up the others.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void serve(String path, Answer answer) {
        answers.put(path, answer);
    }

    void stream(String path, int bytes) {
        streamed.put(path, bytes);
    }

    void trickle(String path) {
        trickled.add(path);
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    int notModified(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (trickled.contains(path)) {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < 600; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // The reader hung up at its deadline: that is what the test wants.
                }
                return;
            }
            Integer streamBytes = streamed.get(path);
            if (streamBytes != null) {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>huge</title><description>"
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
                    for (int written = 0; written < streamBytes; written += chunk.length) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // The reader hung up once it had read enough: that is what the test wants.
                }
                return;
            }
            Answer answer = answers.getOrDefault(path, Answer.status(404));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (answer.etag() != null) {
                exchange.getResponseHeaders().set("ETag", answer.etag());
                if (answer.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
