package dev.ronbun.recommend.feeds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ingest-service's {@code /api/feeds} as recommend-service's tests see it, over real HTTP on 127.0.0.1: feeds kept in
 * memory, a poll that reports {@link #ENTRIES_PER_POLL} entries ingested, a 400 problem for a URL containing
 * "refused", and every request recorded, read back over HTTP ({@link #receivedBy}) because the test profile that
 * starts it and the test that asks live in different class loaders. ingest-service itself answers these in the
 * end-to-end test
 * (infra/e2e); here only what recommend-service does with them is under test. It serves nothing else, so
 * ingest-service's readiness stays "not ready" for the tests that expect that.
 */
public final class IngestFeedsStandIn {

    public static final int ENTRIES_PER_POLL = 3;

    /** A request as it arrived. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private static IngestFeedsStandIn shared;

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Long, ObjectNode> feeds = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private IngestFeedsStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/feeds", this::handle);
        server.createContext("/stand-in/received", exchange -> {
            try (exchange) {
                answer(exchange, 200, "application/json", json.writeValueAsString(received));
            }
        });
        server.start();
    }

    /** The one stand-in of this test JVM, started on first use. */
    public static synchronized IngestFeedsStandIn shared() {
        if (shared == null) {
            shared = new IngestFeedsStandIn();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request the stand-in at {@code baseUrl} has received, in order. */
    public static List<Received> receivedBy(String baseUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/stand-in/received")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return List.of(new ObjectMapper().readValue(response.body(), Received[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
            String[] parts = path.replaceFirst("^/api/feeds/?", "").split("/");
            ObjectNode feed = parts[0].isEmpty() ? null : feeds.get(Long.parseLong(parts[0]));
            if (parts[0].isEmpty() && method.equals("GET")) {
                answer(exchange, 200, "application/json", json.writeValueAsString(feeds.values()));
            } else if (parts[0].isEmpty() && method.equals("POST")) {
                register(exchange, json.readTree(body).path("url").asText(), json.readTree(body).path("name").asText(null));
            } else if (feed == null) {
                problem(exchange, 404, "feed-not-found", "There is no feed " + parts[0] + ".");
            } else if (method.equals("DELETE")) {
                feeds.remove(feed.get("id").asLong());
                exchange.sendResponseHeaders(204, -1);
            } else if (parts.length == 2 && parts[1].equals("poll") && method.equals("POST")) {
                feed.put("entriesIngested", feed.get("entriesIngested").asLong() + ENTRIES_PER_POLL)
                        .put("lastFetchAt", Instant.now().toString()).put("lastSuccessAt", Instant.now().toString())
                        .put("nextFetchAt", Instant.now().plusSeconds(900).toString());
                answer(exchange, 200, "application/json", feed.toString());
            } else {
                answer(exchange, 200, "application/json", feed.toString());
            }
        }
    }

    private void register(HttpExchange exchange, String url, String name) throws IOException {
        if (url.contains("refused")) {
            problem(exchange, 400, "feed-url-refused", "The host of " + url + " resolves to a loopback address;"
                    + " such addresses are not fetched (ronbun.ingest.feeds.allow-private-addresses).");
            return;
        }
        long id = ids.incrementAndGet();
        ObjectNode feed = json.createObjectNode().put("id", id).put("url", url).put("name", name)
                .put("addedAt", Instant.now().toString()).put("consecutiveFailures", 0)
                .put("entriesIngested", 0).put("entriesFailed", 0);
        feeds.put(id, feed);
        answer(exchange, 201, "application/json", feed.toString());
    }

    private void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        answer(exchange, status, "application/problem+json", json.createObjectNode().put("type", "/problems/" + type)
                .put("title", status == 404 ? "Not found" : "Bad request").put("status", status).put("detail", detail)
                .toString());
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
