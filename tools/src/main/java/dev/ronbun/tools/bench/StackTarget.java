package dev.ronbun.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.security.TokenIssuer;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.stack.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The option block the harnesses that measure a running stack share ({@code ./ronbun bench freshness} and
 * {@code bench load}, as a picocli mixin): which stack they talk to — by default the one {@code ./ronbun} describes
 * with its {@code RONBUN_*} variables (ports, state folder, signing keys) — and the client and tokens they talk with.
 */
public final class StackTarget {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--recommend-url", paramLabel = "URL",
            description = "recommend-service to measure (default: 127.0.0.1 on RONBUN_RECOMMEND_PORT, or 8080)")
    URI recommendUrl;

    private Function<String, String> environment = System::getenv;
    private StackConfig config;
    private TokenIssuer issuer;
    private String adminToken;
    private HttpClient http;

    /** The same target read from other variables than the process's own (tests). */
    StackTarget withEnvironment(Function<String, String> variables) {
        this.environment = variables;
        this.config = null;
        return this;
    }

    /** The stack's settings as {@code ./ronbun} set them. */
    public StackConfig config() {
        if (config == null) {
            config = StackConfig.from(environment);
        }
        return config;
    }

    /** recommend-service's base URL, without a trailing slash. */
    public String recommend() {
        return base(recommendUrl, RonbunService.RECOMMEND);
    }

    /** ingest-service's base URL, without a trailing slash: the one given, else the stack's. */
    public String ingest(URI given) {
        return base(given, RonbunService.INGEST);
    }

    /** Signs tokens with the stack's own keys (created on first use, as {@code ./ronbun token} does). */
    public TokenIssuer issuer() {
        if (issuer == null) {
            issuer = SigningKeys.loadOrCreate(config().keysDir()).issuer();
        }
        return issuer;
    }

    /** An admin's token, signed once per run. */
    public String adminToken() {
        if (adminToken == null) {
            adminToken = issuer().token(Roles.ADMIN, null);
        }
        return adminToken;
    }

    /**
     * {@code method} (GET, or POST without a body) on {@code url} with an admin's token, its answer as JSON; any
     * status but {@code expected} is an error.
     */
    public JsonNode adminJson(String method, String url, int expected, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + adminToken()).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** One client for the whole run; a stack that does not answer fails fast rather than hanging a probe. */
    public HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    private String base(URI given, RonbunService service) {
        String url = given != null ? given.toString()
                : "http://127.0.0.1:" + config().servicePorts().get(service);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
