package dev.ronbun.recommend.pipeline;

import java.time.Instant;

/**
 * Where a rebuild of the index from {@code ronbun.papers.v1} stands.
 *
 * @param state         idle (never ran), running, done or failed
 * @param reason        why it ran: "requested" (the admin endpoint) or "new index" (at startup)
 * @param recordsTotal  records between the topic's start and its end when the replay began
 * @param recordsRead   records read so far
 * @param papersIndexed papers written (older states of a paper already indexed are skipped)
 * @param papersDeleted tombstones applied
 * @param skipped       records that are not valid paper events (the live consumer dead-letters them)
 * @param error         what went wrong, when failed
 */
public record ReplayProgress(String state, String reason, Instant startedAt, Instant finishedAt, long recordsTotal,
                             long recordsRead, long papersIndexed, long papersDeleted, long skipped, String error) {

    static final ReplayProgress IDLE = new ReplayProgress("idle", null, null, null, 0, 0, 0, 0, 0, null);

    public boolean running() {
        return "running".equals(state);
    }
}
