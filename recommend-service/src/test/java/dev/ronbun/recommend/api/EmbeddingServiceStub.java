package dev.ronbun.recommend.api;

import com.sun.net.httpserver.HttpServer;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A stand-in for embed-service's {@code POST /api/embeddings}: every query text becomes the same vector,
 * (0.1, 0.1, 1) normalised, made by the tests' model. The service under test is pointed at it. Like embed-service,
 * it answers 401 to a request without a bearer token, so search only gets its vector by passing the caller's on.
 */
public class EmbeddingServiceStub implements QuarkusTestResourceLifecycleManager {

    static final float[] QUERY_VECTOR = TestPapers.vector(0.1f, 0.1f, 1f);

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/embeddings", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            String body = String.format(java.util.Locale.ROOT,
                    "{\"modelId\":\"%s\",\"modelVersion\":\"%s\",\"dimension\":3,\"vectors\":[[%f,%f,%f]]}",
                    TestPapers.MODEL, TestPapers.MODEL_VERSION, QUERY_VECTOR[0], QUERY_VECTOR[1], QUERY_VECTOR[2]);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("ronbun.recommend.embed-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
