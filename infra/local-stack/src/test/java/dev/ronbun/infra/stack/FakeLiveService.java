package dev.ronbun.infra.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a service, run as a child JVM by {@link ServiceSupervisorTest}: {@code live PORT DIR} answers
 * {@code /q/health/live} like Quarkus does, UP until a file {@code DIR/down-<pid>} appears, then DOWN with a failed
 * messaging channel; {@code exit CODE} prints a line and exits at once with that code.
 */
public final class FakeLiveService {

    static final String DOWN = """
            {"status":"DOWN","checks":[{"name":"SmallRye Reactive Messaging - liveness check","status":"DOWN",\
            "data":{"reading-events":"[KO] - too many messages without ack","papers":"[OK]"}}]}""";

    private FakeLiveService() {
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("exit")) {
            System.out.println("fake service giving up");
            System.exit(Integer.parseInt(args[1]));
        }
        Path downMarker = Path.of(args[2]).resolve("down-" + ProcessHandle.current().pid());
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), 0);
        server.createContext("/q/health/live", exchange -> {
            boolean down = Files.exists(downMarker);
            byte[] body = (down ? DOWN : "{\"status\":\"UP\",\"checks\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(down ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake service listening");
    }
}
