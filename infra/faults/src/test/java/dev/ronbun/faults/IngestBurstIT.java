package dev.ronbun.faults;

import static dev.ronbun.faults.PipelineHarness.log;

import dev.ronbun.faults.documents.SyntheticCorpus;
import dev.ronbun.faults.documents.SyntheticDocument;
import dev.ronbun.faults.ingestion.IngestionRun;
import dev.ronbun.faults.ingestion.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of documents (default 10,000; {@code -Dronbun.faults.burst=N}) posted as fast as ingest-service accepts
 * them by a few concurrent clients, on a stack of its own. Every paper must reach the database and the index;
 * the figures (ingest rate, end-to-end time) go to {@code target/faults/results.md}.
 */
class IngestBurstIT {

    private static final int DOCUMENTS = PipelineHarness.intProperty("ronbun.faults.burst", 10_000);
    private static final int CLIENTS = 8;
    private static final int SERIES = 90;

    private static PipelineHarness pipeline;

    @BeforeAll
    static void startThePipeline() {
        pipeline = PipelineHarness.start("burst");
    }

    @AfterAll
    static void stopThePipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyDocumentOfABurstReachesTheDatabaseAndTheIndex() throws Exception {
        List<SyntheticDocument> documents = SyntheticCorpus.series(SERIES, DOCUMENTS);
        log("burst: " + documents.size() + " documents, " + CLIENTS + " clients");
        long started = System.nanoTime();
        IngestionRun ingestion = IngestionRun.start(documents, CLIENTS, pipeline.submitter);
        List<Submission> submissions = ingestion.await(Duration.ofMinutes(30));
        Duration ingestTime = ingestion.elapsed();
        // Recorded at once: on two shared cores embedding the burst takes far longer than accepting it.
        record("burst of %d documents, %d clients: ingest accepted them in %.1f s = %.1f docs/s".formatted(
                documents.size(), CLIENTS, ingestTime.toMillis() / 1000.0,
                documents.size() * 1000.0 / ingestTime.toMillis()));
        pipeline.expected.addDocuments(documents);
        PipelineHarness.assertEveryDocumentAccepted(submissions);

        pipeline.assertSettlesExactly(Duration.ofMinutes(Math.max(20, DOCUMENTS / 150)));
        Duration endToEnd = Duration.ofNanos(System.nanoTime() - started);
        pipeline.assertIndexServes(documents, 50);
        pipeline.assertServicesRanSteadily();

        record(("burst of %d documents (%d papers, %d summaries): all in the database and the index %.1f s after the"
                + " first post = %.2f summaries/s end to end").formatted(documents.size(), pipeline.expected.papers(),
                pipeline.expected.summaries(), endToEnd.toMillis() / 1000.0,
                pipeline.expected.summaries() * 1000.0 / endToEnd.toMillis()));
    }

    private static void record(String line) {
        log(line);
        try {
            Files.createDirectories(pipeline.resultsFile().getParent());
            Files.writeString(pipeline.resultsFile(), "\n" + line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
