package dev.ronbun.recommend.pipeline;

import java.time.Instant;

/**
 * Where a rebuild of the index from {@code ronbun.papers.v1} stands.
 *
 * @param state         idle (never ran), running (reading the topic), merging (the index's segments, after reading),
 *                      done or failed
 * @param reason        why it ran: "requested" (the admin endpoint) or "new index" (at startup)
 * @param recordsTotal  records between the topic's start and its end when the replay began
 * @param recordsRead   records read so far
 * @param papersIndexed papers written (older states of a paper already indexed are skipped)
 * @param papersDeleted tombstones applied
 * @param skipped       records that are not valid paper events (the live consumer dead-letters them)
 * @param segments      the index's segments once done (0 before)
 * @param error         what went wrong, when failed
 */
public record ReplayProgress(String state, String reason, Instant startedAt, Instant finishedAt, long recordsTotal,
                             long recordsRead, long papersIndexed, long papersDeleted, long skipped, int segments,
                             String error) {

    static final ReplayProgress IDLE = new ReplayProgress("idle", null, null, null, 0, 0, 0, 0, 0, 0, null);

    static ReplayProgress running(String reason, Instant at) {
        return new ReplayProgress("running", reason, at, null, 0, 0, 0, 0, 0, 0, null);
    }

    /** Reading or merging: a second replay must wait. */
    public boolean running() {
        return "running".equals(state) || "merging".equals(state);
    }

    ReplayProgress merging() {
        return new ReplayProgress("merging", reason, startedAt, null, recordsTotal, recordsRead, papersIndexed,
                papersDeleted, skipped, 0, null);
    }

    ReplayProgress done(Instant at, int segmentsNow) {
        return new ReplayProgress("done", reason, startedAt, at, recordsTotal, recordsRead, papersIndexed,
                papersDeleted, skipped, segmentsNow, null);
    }

    ReplayProgress failed(Instant at, String why) {
        return new ReplayProgress("failed", reason, startedAt, at, recordsTotal, recordsRead, papersIndexed,
                papersDeleted, skipped, 0, why);
    }
}
