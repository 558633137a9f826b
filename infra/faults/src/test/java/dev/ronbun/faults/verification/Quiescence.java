package dev.ronbun.faults.verification;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Waits until the pipeline has settled: every store has reached the expected size and every consumer has caught up,
 * and nothing changes for a few seconds more (a late duplicate would show then).
 */
public final class Quiescence {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(6);

    private Quiescence() {
    }

    /**
     * @param progress receives a line about every 30 s while waiting
     * @return the settled snapshot, to be checked with {@link ExpectedState#assertHeldExactlyBy}
     */
    public static PipelineSnapshot await(PipelineProbe probe, ExpectedState expected, Duration timeout,
                                         Consumer<String> progress) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started;
        PipelineSnapshot last = null;
        String lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.snapshot();
                if (expected.isReachedBy(last)) {
                    // embed-service's keyword refresh may publish papers again a little later (a lag until the
                    // index group's next offset commit): settled means reached twice, SETTLE apart
                    Thread.sleep(SETTLE);
                    PipelineSnapshot again = probe.snapshot();
                    if (expected.isReachedBy(again)) {
                        return again;
                    }
                    last = again;
                }
            } catch (Exception notReadable) {
                lastError = notReadable.toString();
            }
            if (System.nanoTime() >= nextReport) {
                progress.accept(describe(last, expected) + (lastError == null ? "" : " (last error: " + lastError + ")"));
                nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            Thread.sleep(POLL);
        }
        throw new AssertionError("The pipeline did not settle within " + timeout.toSeconds() + " s: "
                + describe(last, expected) + (lastError == null ? "" : "; last error: " + lastError));
    }

    private static String describe(PipelineSnapshot snapshot, ExpectedState expected) {
        if (snapshot == null) {
            return "nothing readable yet";
        }
        return "summaries %d/%d, papers %d/%d, indexed %d/%d, reading events %d, dead letters %d, lag %s".formatted(
                snapshot.summaryRows(), expected.summaries(), snapshot.paperRows(), expected.papers(),
                snapshot.indexTotal(), expected.papers(), snapshot.readingEventIds().size(),
                snapshot.deadLetters().size(), snapshot.consumerLag());
    }
}
