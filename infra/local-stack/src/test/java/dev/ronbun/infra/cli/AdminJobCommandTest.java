package dev.ronbun.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ronbun.infra.stack.StackConfig;
import dev.ronbun.infra.testing.CommandRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ronbun reindex} and {@code reembed} against an HTTP endpoint that answers as the services' admin jobs do:
 * the command starts the job with POST, follows it with GET until it ends, with the stack's admin token, and shows
 * the progress as a bar, a line per phase.
 */
class AdminJobCommandTest {

    @TempDir
    Path state;

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void reindexStartsTheJobFollowsItAndPrintsTheOutcome() {
        String url = serve("/api/admin/reindex",
                "{\"state\":\"reading\",\"recordsRead\":0,\"recordsTotal\":40,\"papersIndexed\":0}",
                "{\"state\":\"reading\",\"recordsRead\":20,\"recordsTotal\":40,\"papersIndexed\":18}",
                "{\"state\":\"merging\",\"recordsRead\":40,\"recordsTotal\":40,\"papersIndexed\":37}",
                "{\"state\":\"done\",\"recordsRead\":40,\"recordsTotal\":40,\"papersIndexed\":37,\"segments\":1}");

        CommandRun run = CommandRun.of(this::adminJob, "reindex", "--url", url, "--poll-ms", "10");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("\rre-indexing records +50% \\[=+ *] +20/40 \\(.*\\) 18 papers")
                .containsPattern("\rmerging segments +100% \\[=+] +40/40 \\(.*\\) all records read")
                .endsWith(System.lineSeparator() + "re-index complete: 37 papers indexed from 40 records, 1 segment(s)"
                        + System.lineSeparator());
        assertThat(calls.getFirst()).startsWith("POST Bearer");
        assertThat(calls).allMatch(call -> call.matches("(POST|GET) Bearer \\S+\\.\\S+\\.\\S+"));
        assertThat(calls.subList(1, calls.size())).allMatch(call -> call.startsWith("GET"));
    }

    @Test
    void aFailedReembedEndsWithItsErrorAndExitOne() {
        String url = serve("/api/admin/reembed",
                "{\"running\":true,\"state\":\"building\",\"done\":3,\"total\":10}",
                "{\"running\":false,\"error\":\"model folder vanished\"}");

        CommandRun run = CommandRun.of(this::adminJob, "reembed", "--url", url, "--poll-ms", "10");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("re-embedding summaries +30% \\[=+ +] +3/10");
        assertThat(run.err()).contains("re-embed failed: model folder vanished");
    }

    @Test
    void nothingListeningIsSaidPlainly() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        StackConfig config = StackConfig.from(Map.of("RONBUN_STATE_DIR", state.toString(),
                "RONBUN_RECOMMEND_PORT", Integer.toString(closed))::get);

        CommandRun run = CommandRun.of((args, out, err) -> AdminJobCommand.run(args, config, out, err), "reindex");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("ronbun: http://127.0.0.1:" + closed
                + "/api/admin/reindex did not answer; is ./ronbun up running?" + System.lineSeparator());
    }

    private int adminJob(String[] args, PrintStream out, PrintStream err) {
        return AdminJobCommand.run(args, StackConfig.from(Map.of("RONBUN_STATE_DIR", state.toString())::get), out, err);
    }

    /** Answers the job's path with the given statuses in turn (the last one from then on), recording each call. */
    private String serve(String path, String... statuses) {
        Deque<String> answers = new ConcurrentLinkedDeque<>(List.of(statuses));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(exchange.getRequestMethod() + " " + authorization);
            String body = answers.size() > 1 ? answers.poll() : answers.peek();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
