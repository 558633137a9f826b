package dev.ronbun.faults;

import static dev.ronbun.faults.PipelineHarness.log;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.faults.documents.SyntheticCorpus;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.events.BadInput;
import dev.ronbun.faults.events.BadInputs;
import dev.ronbun.faults.events.ReadingEventFeed;
import dev.ronbun.faults.ingestion.IngestionRun;
import dev.ronbun.faults.ingestion.Submission;
import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.RonbunService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Delivery, proven: each scenario posts its own documents (default 1,000) while one part of the system fails, writes
 * malformed events and valid reading events meanwhile, and then checks that the databases, the index and the
 * dead-letter topics hold exactly what was sent — nothing lost, nothing twice, no good record dead-lettered — and
 * that every process is healthy without having restarted itself. The scenarios share one stack, so each also checks
 * that the earlier scenarios' data survived.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryUnderFaultsIT {

    private static final int DOCUMENTS = PipelineHarness.intProperty("ronbun.faults.documents", 1000);
    private static final int CLIENTS = 4;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(30);

    private static PipelineHarness pipeline;

    /** What a scenario does to the running system once a third of its documents are in. */
    private interface Fault {
        String inject() throws Exception;
    }

    @BeforeAll
    static void startThePipeline() {
        pipeline = PipelineHarness.start("delivery");
    }

    @AfterAll
    static void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void nothingIsLostOrDuplicatedWhenIngestServiceIsKilledMidStream() throws Exception {
        runScenario(1, "ingest-service SIGKILLed", () -> killAndRestart(RonbunService.INGEST));
    }

    @Test
    @Order(2)
    void nothingIsLostOrDuplicatedWhenEmbedServiceIsKilledMidStream() throws Exception {
        runScenario(2, "embed-service SIGKILLed", () -> killAndRestart(RonbunService.EMBED));
    }

    @Test
    @Order(3)
    void nothingIsLostOrDuplicatedWhenRecommendServiceIsKilledMidStream() throws Exception {
        runScenario(3, "recommend-service SIGKILLed", () -> killAndRestart(RonbunService.RECOMMEND));
    }

    @Test
    @Order(4)
    void nothingIsLostOrDuplicatedWhenTheBrokerRestartsMidStream() throws Exception {
        runScenario(4, "broker SIGKILLed and restarted", () -> {
            long started = System.nanoTime();
            ChildProcess killed = pipeline.stack.killBroker();
            assertThat(killed.exitValue()).as("exit value of a SIGKILLed process").isEqualTo(137);
            Thread.sleep(5_000);
            pipeline.stack.startBroker();
            return "broker down %.1f s".formatted((System.nanoTime() - started) / 1e9);
        });
    }

    @Test
    @Order(5)
    void nothingIsLostOrDuplicatedWhenPostgresIsDownForThirtySeconds() throws Exception {
        runScenario(5, "PostgreSQL down 30 s", () -> {
            long started = System.nanoTime();
            pipeline.stack.stopPostgres();
            Thread.sleep(POSTGRES_OUTAGE);
            pipeline.stack.startPostgres();
            return "PostgreSQL down %.1f s".formatted((System.nanoTime() - started) / 1e9);
        });
    }

    private static String killAndRestart(RonbunService service) {
        long started = System.nanoTime();
        ChildProcess killed = pipeline.stack.killService(service);
        assertThat(killed.exitValue()).as("exit value of a SIGKILLed process").isEqualTo(137);
        pipeline.stack.restartService(service);
        return "pid %d killed, %s ready again after %.1f s".formatted(killed.pid(), pipeline.stack.process(service),
                (System.nanoTime() - started) / 1e9);
    }

    private static void runScenario(int series, String name, Fault fault) throws Exception {
        String scenario = "s" + series;
        List<SyntheticDocument> documents = SyntheticCorpus.series(series, DOCUMENTS);
        log("scenario " + name + ": " + documents.size() + " documents");
        pipeline.assertIngestSplitsAsExpected(documents.get(Math.min(99, documents.size() - 1)));

        List<BadInput> badInputs = BadInputs.forScenario(scenario);
        badInputs.forEach(bad -> pipeline.writer.write(bad.topic(), bad.key(), bad.value()));
        pipeline.expected.addBadInputs(badInputs);

        List<String> paperIds = documents.stream().map(d -> d.summaries().getFirst().paperId()).limit(50).toList();
        long started = System.nanoTime();
        IngestionRun ingestion = IngestionRun.start(documents, CLIENTS, pipeline.submitter);
        String faultOutcome;
        Set<String> readingEvents;
        ReadingEventFeed readers = new ReadingEventFeed(pipeline.writer, scenario, paperIds);
        try {
            ingestion.awaitAccepted(documents.size() / 3, Duration.ofMinutes(5));
            log(name + " now, with " + ingestion.accepted() + " documents accepted");
            faultOutcome = fault.inject();
            log(faultOutcome);
        } finally {
            readingEvents = readers.stop();
        }
        List<Submission> submissions = ingestion.await(Duration.ofMinutes(15));
        Duration ingestTime = ingestion.elapsed();
        pipeline.expected.addDocuments(documents);
        pipeline.expected.addReadingEvents(readingEvents);
        PipelineHarness.assertEveryDocumentAccepted(submissions);
        pipeline.assertResubmissionsAreDuplicates(documents.subList(0, 10));

        int deadLetters = pipeline.assertSettlesExactly(SETTLE_TIMEOUT).deadLetters().size();
        Duration settledAfter = Duration.ofNanos(System.nanoTime() - started);
        pipeline.assertIndexServes(documents, 20);
        pipeline.assertServicesRanSteadily();

        int papers = (int) documents.stream().flatMap(d -> d.summaries().stream()).map(s -> s.paperKey()).distinct()
                .count();
        int summaries = documents.stream().mapToInt(d -> d.summaries().size()).sum();
        ScenarioReport report = ScenarioReport.of(name, submissions, papers, summaries, ingestTime, settledAfter,
                faultOutcome + "; " + readingEvents.size() + " reading events; " + deadLetters + " dead letters for "
                        + pipeline.expected.badInputs() + " bad inputs so far");
        report.appendTo(pipeline.resultsFile());
        log("scenario passed: " + report.row());
    }
}
