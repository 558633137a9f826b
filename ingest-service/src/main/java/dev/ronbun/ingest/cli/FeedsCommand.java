package dev.ronbun.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.cli.RonbunVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./ronbun feeds add URL [--name N] | list | show ID | poll ID | remove ID}: manages the feed subscriptions of
 * a running ingest-service through its API, with the curator token in {@code RONBUN_TOKEN} ({@code ./ronbun feeds}
 * mints one) or the one given with {@code --token}.
 */
@Command(name = "ronbun feeds", mixinStandardHelpOptions = true, versionProvider = RonbunVersion.class,
        description = "Manages the feed subscriptions of a running ingest-service.")
public final class FeedsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "add URL | list | show ID | poll ID | remove ID")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL|ID", description = "the feed's URL (add) or number")
    String argument;

    @Option(names = "--name", paramLabel = "NAME", description = "the feed's display name (add)")
    String name;

    @Mixin
    IngestServiceOptions service;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    private FeedsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return new CommandLine(new FeedsCommand(out, err)).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Override
    public Integer call() {
        HttpRequest request;
        switch (action) {
            case "add" -> {
                if (argument == null) {
                    throw new ParameterException(spec.commandLine(), "feeds add needs the feed's URL");
                }
                Map<String, String> body = new LinkedHashMap<>();
                body.put("url", argument);
                if (name != null) {
                    body.put("name", name);
                }
                request = builder("/api/feeds").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body))).build();
            }
            case "list" -> request = builder("/api/feeds").GET().build();
            case "show", "poll", "remove" -> {
                if (argument == null || !argument.matches("\\d{1,18}")) {
                    throw new ParameterException(spec.commandLine(),
                            "feeds " + action + ": give the feed's number (see `./ronbun feeds list`)");
                }
                HttpRequest.Builder builder = builder("/api/feeds/" + argument
                        + (action.equals("poll") ? "/poll" : ""));
                request = switch (action) {
                    case "show" -> builder.GET().build();
                    case "poll" -> builder.POST(HttpRequest.BodyPublishers.noBody()).build();
                    default -> builder.DELETE().build();
                };
            }
            default -> throw new ParameterException(spec.commandLine(),
                    "unknown action '" + action + "'; one of add, list, show, poll, remove");
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("ronbun feeds: ingest-service is not reachable at " + service.url + " (is `./ronbun up` running?)");
            return 1;
        } catch (IOException e) {
            err.println("ronbun feeds: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        JsonNode body;
        try {
            body = EventJson.mapper().readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
        } catch (IOException e) {
            body = EventJson.mapper().createObjectNode();
        }
        if (response.statusCode() / 100 != 2) {
            err.println("ronbun feeds " + action + ": " + response.statusCode() + " "
                    + body.path("detail").asText(response.body()));
            return 1;
        }
        switch (action) {
            case "add" -> out.println((response.statusCode() == 201 ? "added    " : "already registered ") + line(body));
            case "remove" -> out.println("removed feed " + argument);
            case "list" -> {
                if (body.isEmpty()) {
                    out.println("no feeds; add one with ./ronbun feeds add URL");
                }
                body.forEach(feed -> print(out, feed));
            }
            default -> {
                print(out, body);
                body.path("failedEntries").forEach(f -> out.println("    failed entry " + f.path("entryId").asText()
                        + ": " + f.path("reason").asText()));
            }
        }
        return 0;
    }

    private static void print(PrintStream out, JsonNode feed) {
        out.println(line(feed));
        if (!feed.path("lastError").isMissingNode() && !feed.path("lastError").isNull()) {
            out.println("    last error: " + feed.path("lastError").asText());
        }
    }

    /** {@code 3  ok  12 ingested, 1 failed  next 2026-…  Name  https://…}. */
    static String line(JsonNode feed) {
        int failures = feed.path("consecutiveFailures").asInt();
        String state = feed.path("lastFetchAt").isMissingNode() ? "new"
                : failures > 0 ? "failing x" + failures : "ok";
        return String.format(Locale.ROOT, "%-4s %-12s %d ingested, %d failed  next %s  %s  %s",
                feed.path("id").asText(), state, feed.path("entriesIngested").asLong(), feed.path("entriesFailed").asLong(),
                feed.path("nextFetchAt").asText("-"), feed.path("name").asText("-"), feed.path("url").asText());
    }

    private HttpRequest.Builder builder(String path) {
        return service.request(path).header("Accept", "application/json");
    }
}
