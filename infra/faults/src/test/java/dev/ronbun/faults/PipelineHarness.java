package dev.ronbun.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ronbun.faults.documents.ExpectedSummary;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.events.TopicWriter;
import dev.ronbun.faults.http.RonbunHttp;
import dev.ronbun.faults.ingestion.DocumentSubmitter;
import dev.ronbun.faults.ingestion.Submission;
import dev.ronbun.faults.stack.FaultStack;
import dev.ronbun.faults.stack.ServiceRun;
import dev.ronbun.faults.verification.ExpectedState;
import dev.ronbun.faults.verification.PipelineProbe;
import dev.ronbun.faults.verification.PipelineSnapshot;
import dev.ronbun.faults.verification.Quiescence;
import dev.ronbun.infra.services.RonbunService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;

/**
 * What the fault suite's tests share: the stack, the one HTTP client, the expected state and the checks that every
 * scenario ends with.
 */
final class PipelineHarness implements AutoCloseable {

    /** Every HTTP call of the suite goes through this client, with an admin token of the stack. */
    final RonbunHttp http;

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path root;
    final FaultStack stack;
    final PipelineProbe probe;
    final ExpectedState expected = new ExpectedState();
    final TopicWriter writer;
    final DocumentSubmitter submitter;

    private PipelineHarness(Path root, FaultStack stack) {
        this.root = root;
        this.stack = stack;
        String token = stack.adminToken();
        this.http = new RonbunHttp(() -> Map.of("Authorization", "Bearer " + token));
        this.probe = new PipelineProbe(stack, http);
        this.writer = new TopicWriter(stack.bootstrapServers());
        this.submitter = new DocumentSubmitter(http, stack.wiring().baseUrl(RonbunService.INGEST));
    }

    /** Starts the stack in {@code infra/faults/target/faults/<name>}. */
    static PipelineHarness start(String name) {
        Path root = Path.of(System.getProperty("ronbun.root", "../..")).toAbsolutePath().normalize();
        FaultStack stack = FaultStack.start(root, root.resolve("infra/faults/target/faults/" + name),
                PipelineHarness::log);
        return new PipelineHarness(root, stack);
    }

    static void log(String line) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " [fault-suite] " + line);
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)));
    }

    /** An ISO-8601 duration from a system property, such as {@code -Dronbun.faults.postgres-outage=PT30S}. */
    static Duration durationProperty(String name, Duration fallback) {
        String value = System.getProperty(name, "").trim();
        return value.isEmpty() ? fallback : Duration.parse(value);
    }

    Path resultsFile() {
        return root.resolve("infra/faults/target/faults/results.md");
    }

    /** Asks ingest to parse the document without publishing, and checks it splits as the suite expects. */
    void assertIngestSplitsAsExpected(SyntheticDocument document) throws IOException {
        HttpResponse<String> answer = http.post(URI.create(stack.wiring().baseUrl(RonbunService.INGEST)
                        + "/api/documents?dryRun=true&format=structured-summary&name="
                        + URLEncoder.encode(document.name(), StandardCharsets.UTF_8)),
                "text/markdown", document.text());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("documentId").asText()).isEqualTo(document.documentId());
        assertThat(StreamSupport.stream(body.path("paperKeys").spliterator(), false).map(JsonNode::asText).toList())
                .containsExactlyElementsOf(document.summaries().stream().map(ExpectedSummary::paperKey).toList());
    }

    /** Every document was accepted once; an answer "duplicate" only ever follows a failed earlier attempt. */
    static void assertEveryDocumentAccepted(List<Submission> submissions) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(submissions).as("documents never accepted")
                .filteredOn(s -> !s.accepted()).isEmpty();
        softly.assertThat(submissions).as("documents called duplicates on their first post")
                .filteredOn(s -> s.duplicate() && s.attempts() == 1).isEmpty();
        softly.assertAll();
    }

    /** Posts already accepted documents again: each must be answered as a duplicate and publish nothing. */
    void assertResubmissionsAreDuplicates(List<SyntheticDocument> documents) {
        for (SyntheticDocument document : documents) {
            Submission again = submitter.submit(document);
            assertThat(again.status()).as("posting %s again", document.name()).isEqualTo(200);
            assertThat(again.duplicate()).as("posting %s again", document.name()).isTrue();
        }
    }

    /** Waits until the pipeline settles, then checks it holds exactly the expected state. */
    PipelineSnapshot assertSettlesExactly(Duration timeout) throws InterruptedException {
        PipelineSnapshot settled = Quiescence.await(probe, expected, timeout, line -> log("waiting: " + line));
        expected.assertHeldExactlyBy(settled);
        return settled;
    }

    /** Spot-checks that recommend-service serves some of the expected papers by id. */
    void assertIndexServes(List<SyntheticDocument> documents, int count) throws IOException {
        int step = Math.max(1, documents.size() / count);
        for (int d = 0; d < documents.size(); d += step) {
            String paperId = documents.get(d).summaries().getFirst().paperId();
            assertThat(probe.indexServes(paperId)).as("recommend-service serves paper " + paperId).isTrue();
        }
    }

    /**
     * Every service and the broker are running and ready, each service in the launch the suite made last (only the
     * killed service was relaunched), and no launch started more than once: nothing restarted itself or crash-looped.
     */
    void assertServicesRanSteadily() throws IOException {
        assertThat(stack.brokerIsAlive()).as("the broker is running").isTrue();
        assertThat(stack.postgresIsRunning()).as("PostgreSQL is running").isTrue();
        for (ServiceRun run : stack.runs()) {
            assertThat(run.process().isAlive()).as(run.process() + " is running").isTrue();
            assertThat(run.startUps()).as(run.process() + " started once in " + run.process().logFile()).isEqualTo(1);
            HttpResponse<String> readiness = probe.readiness(stack.wiring().baseUrl(run.service()));
            assertThat(readiness.statusCode()).as(run.service().moduleName() + " ready: " + readiness.body())
                    .isEqualTo(200);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            stack.close();
        }
    }
}
