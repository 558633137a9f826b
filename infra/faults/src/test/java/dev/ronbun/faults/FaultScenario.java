package dev.ronbun.faults;

import static dev.ronbun.faults.PipelineHarness.log;

import dev.ronbun.faults.documents.SyntheticCorpus;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.events.BadInput;
import dev.ronbun.faults.events.BadInputs;
import dev.ronbun.faults.events.ReadingEventFeed;
import dev.ronbun.faults.ingestion.IngestionRun;
import dev.ronbun.faults.ingestion.Submission;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One fault scenario on a running pipeline: posts its own documents with a few clients, writes malformed events and
 * keeps writing valid reading events, strikes once a third of the documents are in, and then checks that the
 * databases, the index and the dead-letter topics hold exactly what was sent — nothing lost, nothing twice, no good
 * record dead-lettered — and that every process is healthy without having been restarted (by itself or by hand).
 * Each scenario also checks that the earlier scenarios' data on the same stack survived.
 */
final class FaultScenario {

    static final int DOCUMENTS = PipelineHarness.intProperty("ronbun.faults.documents", 1000);
    private static final int CLIENTS = 4;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(20);
    /** A hang guard only: the longest outage the suite injects (5 min by default) plus the posting itself. */
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(30);

    /** What a scenario does to the running system once a third of its documents are in. */
    interface Fault {
        /**
         * @param scenario  the scenario's id ({@code s<series>}), part of every key it writes
         * @param documents the documents it posts, in order
         * @return a line on what happened, for the report
         */
        String inject(String scenario, List<SyntheticDocument> documents) throws Exception;
    }

    private FaultScenario() {
    }

    static void run(PipelineHarness pipeline, int series, String name, Fault fault) throws Exception {
        String scenario = "s" + series;
        List<SyntheticDocument> documents = SyntheticCorpus.series(series, DOCUMENTS);
        log("scenario " + name + ": " + documents.size() + " documents");
        pipeline.assertIngestSplitsAsExpected(documents.get(Math.min(99, documents.size() - 1)));

        List<BadInput> badInputs = BadInputs.forScenario(scenario);
        badInputs.forEach(pipeline.writer::write);
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
            faultOutcome = fault.inject(scenario, documents);
            log(faultOutcome);
        } finally {
            readingEvents = readers.stop();
        }
        List<Submission> submissions = ingestion.await(INGEST_TIMEOUT);
        Duration ingestTime = ingestion.elapsed();
        pipeline.expected.addDocuments(documents);
        pipeline.expected.addReadingEvents(readingEvents);
        PipelineHarness.assertEveryDocumentAccepted(submissions);
        pipeline.assertResubmissionsAreDuplicates(documents.subList(0, Math.min(10, documents.size())));

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
