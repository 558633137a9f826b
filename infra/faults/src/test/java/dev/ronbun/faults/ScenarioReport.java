package dev.ronbun.faults;

import dev.ronbun.faults.ingestion.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

/**
 * One scenario's figures, as a Markdown table row for {@code target/faults/results.md} and docs/benchmarks.md.
 *
 * @param ingestTime   from the first post to the last answer, retries and outage included
 * @param settledAfter from the first post until the stores held everything
 * @param retried      documents that needed more than one post
 * @param answeredDuplicate documents whose final answer was {@code duplicate: true} (an earlier attempt had been
 *                          recorded but its answer was lost)
 */
public record ScenarioReport(String scenario, int documents, int papers, int summaries, Duration ingestTime,
                             Duration settledAfter, long retried, long answeredDuplicate, String fault) {

    static final String HEADER = """
            | scenario | documents | papers / summaries | ingest (docs/s) | settled after | retried / answered duplicate | fault |
            |---|---|---|---|---|---|---|
            """;

    static ScenarioReport of(String scenario, List<Submission> submissions, int papers, int summaries,
                             Duration ingestTime, Duration settledAfter, String fault) {
        return new ScenarioReport(scenario, submissions.size(), papers, summaries, ingestTime, settledAfter,
                submissions.stream().filter(s -> s.attempts() > 1).count(),
                submissions.stream().filter(Submission::duplicate).count(), fault);
    }

    String row() {
        return "| %s | %d | %d / %d | %.1f s (%.1f) | %.1f s | %d / %d | %s |".formatted(scenario, documents, papers,
                summaries, seconds(ingestTime), documents / Math.max(0.001, seconds(ingestTime)),
                seconds(settledAfter), retried, answeredDuplicate, fault);
    }

    /** Appends the row to {@code file}, writing the header first when the file is new. */
    void appendTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, HEADER);
            }
            Files.writeString(file, row() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
