package dev.ronbun.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against a real local HTTP server, with host names answered by a resolver the test controls: the
 * connection goes to the address that was checked, redirect targets are resolved and checked the same way, and a
 * body that trickles in is cut off by the fetch's deadline.
 */
class FeedFetcherTest {

    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static HttpServer server;
    private static Vertx vertx;
    /** The Host header of each request, by path. */
    private static final Map<String, String> hostHeaders = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", FeedFetcherTest::handle);
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void connectsToTheAddressItCheckedWhileTheHostHeaderKeepsTheHostName() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        FeedFetcher fetcher = fetcher(new FeedAddresses(true, host -> {
            asked.add(host);
            // A name the system's DNS does not know: the fetch can only reach the server through this answer.
            return new InetAddress[] {LOOPBACK};
        }), Duration.ofSeconds(10));

        FeedFetcher.Fetched fetched = fetcher.fetch(URI.create("http://feeds.ronbun.invalid:" + port() + "/feed.xml"),
                null, null, 1 << 20);

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(hostHeaders.get("/feed.xml")).isEqualTo("feeds.ronbun.invalid:" + port());
        assertThat(asked).containsExactly("feeds.ronbun.invalid");
    }

    @Test
    void aHostResolvedOnceIsNotAskedAgainSoARebindingAnswerNeverReachesTheInside() {
        List<String> asked = new CopyOnWriteArrayList<>();
        InetAddress outside = address("192.0.2.1");
        // The first answer is public and passes the check; any later one would point at this test's loopback server.
        FeedFetcher fetcher = fetcher(new FeedAddresses(false, host -> {
            asked.add(host);
            return new InetAddress[] {asked.size() == 1 ? outside : LOOPBACK};
        }), Duration.ofSeconds(5));
        hostHeaders.remove("/rebound.xml");

        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://rebind.ronbun.invalid:" + port() + "/rebound.xml"),
                null, null, 1 << 20)).isInstanceOf(FeedException.class);

        assertThat(asked).containsExactly("rebind.ronbun.invalid");
        assertThat(hostHeaders).doesNotContainKey("/rebound.xml");
    }

    @Test
    void aRedirectTargetIsResolvedCheckedAndConnectedToTheSameWay() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        FeedFetcher fetcher = fetcher(new FeedAddresses(true, host -> {
            asked.add(host);
            return new InetAddress[] {LOOPBACK};
        }), Duration.ofSeconds(10));

        FeedFetcher.Fetched fetched = fetcher.fetch(URI.create("http://start.ronbun.invalid:" + port() + "/moved"),
                null, null, 1 << 20);

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(asked).containsExactly("start.ronbun.invalid", "next.ronbun.invalid");
        assertThat(hostHeaders.get("/feed-after-redirect.xml")).isEqualTo("next.ronbun.invalid:" + port());
    }

    @Test
    void aBodyThatTricklesInIsCutOffAtTheDeadline() {
        FeedFetcher fetcher = fetcher(new FeedAddresses(true), Duration.ofSeconds(2));
        long started = System.nanoTime();

        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + port() + "/trickle"), null, null, 1 << 20))
                .isInstanceOf(FeedException.class).hasMessageContaining("within 2 s")
                .hasMessageContaining("fetch-deadline");

        // The server sends a byte every 100 ms, well inside the 10 s silence timeout, for 30 s in all.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    private static FeedFetcher fetcher(FeedAddresses addresses, Duration deadline) {
        return new FeedFetcher(addresses, vertx, Duration.ofSeconds(10), deadline, 5);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hostHeaders.put(path, exchange.getRequestHeaders().getFirst("Host"));
        try (exchange) {
            switch (path) {
                case "/moved" -> {
                    exchange.getResponseHeaders().set("Location",
                            "http://next.ronbun.invalid:" + port() + "/feed-after-redirect.xml");
                    exchange.sendResponseHeaders(302, -1);
                }
                case "/trickle" -> {
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    try {
                        out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>".getBytes(StandardCharsets.UTF_8));
                        for (int i = 0; i < 300; i++) {
                            out.write('x');
                            out.flush();
                            TimeUnit.MILLISECONDS.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        // The fetcher hung up at its deadline: what the test wants.
                    }
                }
                default -> {
                    byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
        }
    }
}
