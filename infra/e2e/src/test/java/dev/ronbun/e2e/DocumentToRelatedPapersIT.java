package dev.ronbun.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ronbun.contracts.http.Roles;
import dev.ronbun.infra.kafka.InJvmKafka;
import dev.ronbun.infra.kafka.TopicProvisioner;
import dev.ronbun.infra.postgres.LocalPostgres;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.security.SigningKeys;
import dev.ronbun.infra.services.ReadinessProbe;
import dev.ronbun.infra.services.RonbunService;
import dev.ronbun.infra.services.ServiceLauncher;
import dev.ronbun.infra.services.ServiceWiring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as {@code ./ronbun up} runs it: the three packaged services as processes, launched by the local
 * stack's own {@link ServiceLauncher}, against a real Kafka and a real PostgreSQL. A document goes into
 * ingest-service; its papers come out of recommend-service with related papers. A feed served by this test's JVM is
 * subscribed to, and its entries come out of recommend-service's search, each once. A deleted document's paper
 * leaves search and its page.
 */
class DocumentToRelatedPapersIT {

    /** A sample with five papers on training language models (LoRA, QLoRA, DPO, InstructGPT, LLaMA). */
    private static final String DOCUMENT = "samples/paper-summaries-llm-training.md";
    private static final Set<String> DOCUMENT_ARXIV_IDS =
            Set.of("2106.09685", "2305.14314", "2305.18290", "2203.02155", "2302.13971");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Operations the hostile sweep leaves out: they clear the index, start a re-embed, write a snapshot or send
     * digests (which the other tests' papers would not survive or would wait for), or stream without end.
     */
    private static final Set<String> NOT_SWEPT = Set.of("POST /api/admin/reindex", "POST /api/admin/reembed",
            "POST /api/admin/snapshots", "POST /api/admin/digests/send", "GET /api/analytics/index/changes");
    private static final String HOSTILE_READER = "e2e-hostile";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path root;
    private static Path logsDir;
    private static InJvmKafka kafka;
    private static LocalPostgres postgres;
    private static ServiceWiring wiring;
    private static String curatorToken;
    private static String readerToken;
    private static String adminToken;
    private static String hostileReaderToken;
    private static final List<ChildProcess> services = new ArrayList<>();
    /** The Atom feed the feed test serves at {@code /feed.xml}; it changes as the test goes. */
    private static volatile String atomFeed = "";
    private static HttpServer feedServer;

    @BeforeAll
    static void startThePipeline() throws IOException {
        root = Path.of(System.getProperty("ronbun.root", "../..")).toAbsolutePath().normalize();
        Path work = root.resolve("infra/e2e/target/e2e");
        logsDir = work.resolve("logs");
        for (RonbunService service : RonbunService.values()) {
            assertThat(service.runnableJar(root)).as("packaged " + service.moduleName()
                    + " (run `mvn -B -DskipTests install` first)").isRegularFile();
        }

        CompletableFuture<LocalPostgres> startingPostgres = CompletableFuture.supplyAsync(LocalPostgres::throwaway);
        kafka = InJvmKafka.start();
        TopicProvisioner.forSingleBroker(kafka.bootstrapServers()).provisionAll();
        postgres = startingPostgres.join();
        Map<RonbunService, Integer> ports = new EnumMap<>(RonbunService.class);
        for (RonbunService service : RonbunService.values()) {
            postgres.server().createDatabaseIfMissing(service.database());
            ports.put(service, freePort());
        }
        // A key pair of this run's own, as ./ronbun up makes one on first start.
        SigningKeys keys = SigningKeys.loadOrCreate(work.resolve("keys"));
        curatorToken = keys.issuer().token(Roles.CURATOR, null);
        readerToken = keys.issuer().token(Roles.READER, "e2e-reader");
        adminToken = keys.issuer().token(Roles.ADMIN, null);
        hostileReaderToken = keys.issuer().token(Roles.READER, HOSTILE_READER);
        wiring = new ServiceWiring(kafka.bootstrapServers(), postgres.server(), ports,
                work.resolve("data/recommend-index"), work.resolve("inbox"), keys.publicKeyFile());

        feedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        feedServer.createContext("/feed.xml", DocumentToRelatedPapersIT::serveFeed);
        feedServer.start();

        // The feed lives on 127.0.0.1, which ingest refuses by default: this run allows it, as
        // `./ronbun up --allow-private-feeds` does. The hostile sweep writes thousands of times a minute; with the
        // default limit (60 writes a minute) most of its writes would be answered 429 before any validation.
        ServiceLauncher launcher = new ServiceLauncher(root, logsDir, work.resolve("run"),
                List.of("-Dronbun.ingest.feeds.allow-private-addresses=true", "-Dronbun.rate-limit.requests=100000"));
        for (RonbunService service : RonbunService.values()) {
            services.add(launcher.launch(service, wiring));
        }
        ReadinessProbe probe = new ReadinessProbe();
        for (RonbunService service : RonbunService.values()) {
            ChildProcess process = services.get(service.ordinal());
            try {
                probe.awaitReady(process, ReadinessProbe.readinessOf(wiring.baseUrl(service)), READY_TIMEOUT);
            } catch (ReadinessProbe.NotReadyException e) {
                fail(e.getMessage() + "\n" + String.join("\n", process.logTail(60)));
            }
        }
    }

    @AfterAll
    static void stopThePipeline() {
        if (feedServer != null) {
            feedServer.stop(0);
        }
        try {
            services.parallelStream().forEach(process -> process.stop(Duration.ofSeconds(30)));
        } finally {
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
    }

    @Test
    void papersOfAPostedDocumentComeBackWithRelatedPapers() throws Exception {
        HttpResponse<String> posted = post(RonbunService.INGEST, "/api/documents?name="
                + URLEncoder.encode("paper-summaries-llm-training.md", StandardCharsets.UTF_8),
                Files.readString(root.resolve(DOCUMENT)));

        assertThat(posted.statusCode()).as(posted.body()).isIn(200, 202);
        JsonNode ingested = JSON.readTree(posted.body());
        assertThat(ingested.path("documentId").asText()).isNotBlank();
        assertThat(ingested.path("paperKeys")).hasSizeGreaterThanOrEqualTo(3);

        List<JsonNode> papers = awaitValue("all five papers listed by recommend-service", () -> {
            List<JsonNode> listed = items(get(RonbunService.RECOMMEND, "/api/papers?size=50"));
            Set<String> arxivIds = listed.stream().map(paper -> paper.path("arxivId").asText())
                    .collect(Collectors.toSet());
            return arxivIds.containsAll(DOCUMENT_ARXIV_IDS) ? Optional.of(listed) : Optional.empty();
        });
        JsonNode lora = papers.stream().filter(paper -> paper.path("arxivId").asText().equals("2106.09685"))
                .findFirst().orElseThrow();
        String loraId = lora.path("paperId").asText();
        assertThat(loraId).isNotBlank();
        assertThat(lora.path("title").asText()).contains("LoRA");

        List<JsonNode> related = awaitValue("papers related to LoRA", () -> {
            List<JsonNode> found = items(get(RonbunService.RECOMMEND, "/api/papers/" + loraId + "/related?k=10"));
            return found.isEmpty() ? Optional.empty() : Optional.of(found);
        });
        assertThat(related).allSatisfy(paper -> {
            assertThat(paper.path("paperId").asText()).isNotBlank().isNotEqualTo(loraId);
            assertThat(paper.path("title").asText()).isNotBlank();
            assertThat(paper.path("score").isNumber()).as("score of " + paper).isTrue();
            assertThat(paper.path("why").asText()).as("why of " + paper).isNotBlank();
        });
        Set<String> documentPaperIds = papers.stream()
                .filter(paper -> DOCUMENT_ARXIV_IDS.contains(paper.path("arxivId").asText()))
                .map(paper -> paper.path("paperId").asText()).collect(Collectors.toSet());
        assertThat(related).extracting(paper -> paper.path("paperId").asText()).containsAnyElementsOf(documentPaperIds);
    }

    @Test
    void requestsWithoutATokenAreRefusedAndNoServiceLogsATokenItWasSent() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(
                URI.create(wiring.baseUrl(RonbunService.RECOMMEND) + "/api/papers")).GET());
        HttpResponse<String> asReader = send(HttpRequest.newBuilder(
                        URI.create(wiring.baseUrl(RonbunService.INGEST) + "/api/documents?dryRun=true"))
                .header("Authorization", "Bearer " + readerToken)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("# A paper\n\nSome text.", StandardCharsets.UTF_8)));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(asReader.statusCode()).as("a reader may not ingest").isEqualTo(403);
        for (ChildProcess process : services) {
            assertThat(Files.readString(process.logFile())).as(process.name() + "'s log")
                    .doesNotContain(curatorToken).doesNotContain(readerToken);
        }
    }

    @Test
    void anEntryOfASubscribedFeedBecomesASearchablePaperAndIsIngestedOnlyOnce() throws Exception {
        atomFeed = atom(atomEntry("urn:e2e:feed:ddpm", "Denoising Diffusion Probabilistic Models の読書メモ",
                "2006.11239", "拡散過程を逆向きに学習して画像を生成する。ノイズ除去の連鎖で高品質な標本が得られる。"));
        String feedUrl = "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed.xml";

        HttpResponse<String> registered = postJson(RonbunService.INGEST, "/api/feeds",
                JSON.createObjectNode().put("url", feedUrl).put("name", "e2e feed").toString());
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        String feedId = JSON.readTree(registered.body()).path("id").asText();
        JsonNode firstPoll = JSON.readTree(postJson(RonbunService.INGEST, "/api/feeds/" + feedId + "/poll", "").body());
        assertThat(firstPoll.path("lastError").isMissingNode()).as(firstPoll.toString()).isTrue();
        assertThat(firstPoll.path("entriesIngested").asInt()).as(firstPoll.toString()).isEqualTo(1);

        JsonNode ddpm = awaitValue("the feed entry's paper found by search", () -> items(get(RonbunService.RECOMMEND,
                "/api/search?q=" + URLEncoder.encode("Denoising Diffusion", StandardCharsets.UTF_8))).stream()
                .filter(paper -> paper.path("arxivId").asText().equals("2006.11239")).findFirst());
        JsonNode page = JSON.readTree(get(RonbunService.RECOMMEND, "/api/papers/" + ddpm.path("paperId").asText()).body());
        assertThat(page.toString()).contains("Denoising Diffusion").contains("拡散過程");

        atomFeed = atom(
                atomEntry("urn:e2e:feed:ddpm", "Denoising Diffusion Probabilistic Models の読書メモ",
                        "2006.11239", "拡散過程を逆向きに学習して画像を生成する。ノイズ除去の連鎖で高品質な標本が得られる。"),
                atomEntry("urn:e2e:feed:score-sde", "Score-Based Generative Modeling through SDEs の読書メモ",
                        "2011.13456", "確率微分方程式でスコアを学習し、逆向きの過程で標本を生成する。"));
        JsonNode secondPoll = JSON.readTree(postJson(RonbunService.INGEST, "/api/feeds/" + feedId + "/poll", "").body());
        assertThat(secondPoll.path("entriesIngested").asInt()).as(secondPoll.toString()).isEqualTo(2);

        awaitValue("the new entry's paper found by search", () -> items(get(RonbunService.RECOMMEND,
                "/api/search?q=" + URLEncoder.encode("Score-Based Generative", StandardCharsets.UTF_8))).stream()
                .filter(paper -> paper.path("arxivId").asText().equals("2011.13456")).findFirst());
        List<JsonNode> listed = items(get(RonbunService.RECOMMEND, "/api/papers?size=100"));
        assertThat(listed).filteredOn(paper -> Set.of("2006.11239", "2011.13456").contains(paper.path("arxivId").asText()))
                .as("each entry's paper once").hasSize(2);

        // The web UI's feed page reads the same status through recommend-service, which forwards to ingest.
        HttpResponse<String> throughRecommend = send(HttpRequest.newBuilder(
                URI.create(wiring.baseUrl(RonbunService.RECOMMEND) + "/api/feeds"))
                .header("Authorization", "Bearer " + curatorToken).GET());
        assertThat(throughRecommend.statusCode()).as(throughRecommend.body()).isEqualTo(200);
        JsonNode feeds = JSON.readTree(throughRecommend.body());
        assertThat(StreamSupport.stream(feeds.spliterator(), false)
                .filter(feed -> feed.path("id").asText().equals(feedId)).findFirst().orElseThrow()
                .path("entriesIngested").asInt()).isEqualTo(2);
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(
                URI.create(wiring.baseUrl(RonbunService.RECOMMEND) + "/api/feeds/987654321"))
                .header("Authorization", "Bearer " + curatorToken).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("feed-not-found");
    }

    /**
     * Issue 20: a curator deletes a document (through recommend-service, as the paper page's 削除 does) and its only
     * paper leaves search and its page within seconds; the same bytes may then be ingested again.
     */
    @Test
    void aDeletedDocumentIsGoneFromSearchAndItsPaperPageWithinSeconds() throws Exception {
        String document = """
                # Hyena Hierarchy: Towards Larger Convolutional Language Models
                [View Paper](https://arxiv.org/abs/2302.10866)

                ## 1. 先行研究では何ができなかったのか
                注意機構の計算量が系列長の二乗で増え、長い文脈を扱えなかった。

                ## 8. この論文を140字以内のツイートで要約すると？
                暗黙的に表した長い畳み込みとゲートで注意機構を置き換えるハイエナ階層。
                """;
        String search = "/api/search?q=" + URLEncoder.encode("Hyena Hierarchy", StandardCharsets.UTF_8);
        HttpResponse<String> asReader = null;
        String documentId = null;
        // Three rounds, each against the same run's own anchor (document in -> searchable): the same bytes are
        // accepted again after each deletion.
        for (int round = 1; round <= 3; round++) {
            long postedAt = System.nanoTime();
            HttpResponse<String> posted = post(RonbunService.INGEST, "/api/documents?name=hyena-e2e.md", document);
            assertThat(posted.statusCode()).as("round " + round + ": " + posted.body()).isEqualTo(202);
            documentId = JSON.readTree(posted.body()).path("documentId").asText();
            JsonNode hyena = awaitValue("the document's paper found by search", () -> items(get(
                    RonbunService.RECOMMEND, search)).stream()
                    .filter(paper -> paper.path("arxivId").asText().equals("2302.10866")).findFirst());
            double ingestSeconds = (System.nanoTime() - postedAt) / 1e9;
            String paperId = hyena.path("paperId").asText();
            if (asReader == null) {
                asReader = send(HttpRequest.newBuilder(URI.create(wiring.baseUrl(RonbunService.RECOMMEND)
                        + "/api/documents/" + documentId)).header("Authorization", "Bearer " + readerToken).DELETE());
                assertThat(asReader.statusCode()).as("a reader may not delete documents").isEqualTo(403);
            }

            long deletedAt = System.nanoTime();
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(
                    wiring.baseUrl(RonbunService.RECOMMEND) + "/api/documents/" + documentId))
                    .header("Authorization", "Bearer " + curatorToken).DELETE());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(202);
            awaitValue("the deleted document's paper gone from its page (404)", () ->
                    get(RonbunService.RECOMMEND, "/api/papers/" + paperId).statusCode() == 404
                            ? Optional.of(true) : Optional.empty());
            double deleteSeconds = (System.nanoTime() - deletedAt) / 1e9;
            assertThat(items(get(RonbunService.RECOMMEND, search)))
                    .noneMatch(paper -> paper.path("paperId").asText().equals(paperId));
            assertThat(deleteSeconds).as("gone within seconds").isLessThan(30);
            System.out.printf("e2e round %d: document in -> searchable %.1f s; DELETE -> paper page 404 %.1f s"
                    + " (ratio %.2f)%n", round, ingestSeconds, deleteSeconds, deleteSeconds / ingestSeconds);
        }

        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(wiring.baseUrl(RonbunService.INGEST)
                + "/api/documents/" + documentId)).header("Authorization", "Bearer " + curatorToken).DELETE());
        assertThat(again.statusCode()).as("a second delete").isEqualTo(404);
    }

    /**
     * Every operation of every service, as its OpenAPI document lists it, sent hostile path and query values and
     * hostile bodies, as an admin and as a reader: no answer is a 5xx, every 4xx is a problem+json, and the services
     * keep running.
     */
    @Test
    void everyOperationAnswersHostileInputWithAProblemAndNeverA5xx() throws Exception {
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (RonbunService service : RonbunService.values()) {
            HttpResponse<String> openApi = send(HttpRequest.newBuilder(
                    URI.create(wiring.baseUrl(service) + "/q/openapi?format=json")).GET());
            assertThat(openApi.statusCode()).as(service + "'s OpenAPI document").isEqualTo(200);
            List<HostileRequests.Request> requests =
                    HostileRequests.from(JSON.readTree(openApi.body()), NOT_SWEPT, HOSTILE_READER);
            assertThat(requests).as(service + "'s hostile requests").hasSizeGreaterThan(100);
            for (HostileRequests.Request request : requests) {
                for (String token : List.of(adminToken, hostileReaderToken)) {
                    HttpResponse<String> response = send(service, request, token);
                    sent++;
                    int status = response.statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                        violations.add(status + " " + type + " " + service + " " + request);
                    }
                }
            }
        }
        assertServicesAreRunning();
        System.out.printf("hostile sweep: %d requests, answers by status %s, %d violations%n", sent, statuses,
                violations.size());
        assertThat(violations).as("answers that are a 5xx or a 4xx without problem+json, of " + sent).isEmpty();
        for (RonbunService service : RonbunService.values()) {
            assertThat(requestMetricUris(service)).as(service + "'s request metrics: one tag a route, not a path")
                    .isNotEmpty()
                    .noneMatch(uri -> uri.contains("%") || uri.contains("hostile") || uri.length() > 200);
        }
    }

    private static HttpResponse<String> send(RonbunService service, HostileRequests.Request request, String token) {
        URI target = URI.create(wiring.baseUrl(service) + request.pathAndQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + token)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return send(builder);
    }

    /** The {@code uri} tags of a service's {@code http_server_requests} metrics. */
    private static Set<String> requestMetricUris(RonbunService service) {
        String metrics = send(HttpRequest.newBuilder(URI.create(wiring.baseUrl(service) + "/q/metrics")).GET()).body();
        return metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .map(line -> line.replaceFirst(".*[{,]uri=\"([^\"]*)\".*", "$1"))
                .collect(Collectors.toSet());
    }

    private static void serveFeed(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = atomFeed.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String atom(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<id>urn:e2e:feed</id><title>e2e 読書メモ</title><updated>2026-01-01T00:00:00Z</updated>"
                + String.join("", entries) + "</feed>";
    }

    private static String atomEntry(String id, String title, String arxivId, String summary) {
        String html = "<h2>どんなもの？</h2><p>" + summary + "</p><p><a href=\"https://arxiv.org/abs/" + arxivId
                + "\">arXiv:" + arxivId + "</a></p>";
        return "<entry><id>" + id + "</id><title>" + title + "</title><updated>2026-01-01T00:00:00Z</updated>"
                + "<link href=\"https://example.org/notes/" + arxivId + "\"/>"
                + "<content type=\"html\">" + html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</content></entry>";
    }

    private static <T> T awaitValue(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + PIPELINE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertServicesAreRunning();
            Thread.sleep(500);
        }
        return fail("No %s within %d s. Logs in %s; last lines of each:%n%s", what, PIPELINE_TIMEOUT.toSeconds(),
                logsDir, logTails());
    }

    private static void assertServicesAreRunning() {
        for (ChildProcess process : services) {
            if (!process.isAlive()) {
                fail(process.name() + " exited with code " + process.exitValue() + "\n"
                        + String.join("\n", process.logTail(60)));
            }
        }
    }

    private static String logTails() {
        StringBuilder tails = new StringBuilder();
        for (ChildProcess process : services) {
            tails.append("---- ").append(process.name()).append(" ----\n")
                    .append(String.join("\n", process.logTail(25))).append('\n');
        }
        return tails.toString();
    }

    private static List<JsonNode> items(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return List.of();
        }
        try {
            JsonNode items = JSON.readTree(response.body()).path("items");
            return StreamSupport.stream(items.spliterator(), false).toList();
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    private static HttpResponse<String> get(RonbunService service, String path) {
        return send(HttpRequest.newBuilder(URI.create(wiring.baseUrl(service) + path))
                .header("Authorization", "Bearer " + readerToken).GET());
    }

    private static HttpResponse<String> post(RonbunService service, String path, String text) {
        return send(HttpRequest.newBuilder(URI.create(wiring.baseUrl(service) + path))
                .header("Authorization", "Bearer " + curatorToken)
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> postJson(RonbunService service, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(wiring.baseUrl(service) + path))
                .header("Authorization", "Bearer " + curatorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** A port nothing listens on now, so the test never collides with a running {@code ./ronbun up}. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
