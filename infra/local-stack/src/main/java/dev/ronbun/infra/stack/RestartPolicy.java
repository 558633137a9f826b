package dev.ronbun.infra.stack;

import java.time.Duration;

/**
 * When the supervisor restarts a service, as a Kubernetes liveness probe and restart policy would: a service is
 * probed every {@code probeInterval}; {@code failuresBeforeRestart} probes in a row that find it not live, or its
 * process exiting, restart it after a back-off that doubles from {@code firstBackoff} to {@code maxBackoff}, and that
 * starts again from {@code firstBackoff} once a service has run for {@code stableAfter}. A freshly started service
 * has {@code startTimeout} to become live before its probes count.
 *
 * @param probeInterval         between two liveness probes ({@code RONBUN_LIVENESS_INTERVAL_SECONDS}; default 10)
 * @param failuresBeforeRestart probes in a row that fail before a restart ({@code RONBUN_LIVENESS_FAILURES}; default 3)
 * @param startTimeout          how long a restarted service may take to become live (the stack's ready timeout)
 * @param firstBackoff          the wait before the first restart ({@code RONBUN_RESTART_BACKOFF_SECONDS}; default 1)
 * @param maxBackoff            the longest wait ({@code RONBUN_RESTART_BACKOFF_MAX_SECONDS}; default 60)
 * @param stableAfter           running this long resets the back-off ({@code RONBUN_RESTART_STABLE_SECONDS}; default 300)
 */
public record RestartPolicy(Duration probeInterval, int failuresBeforeRestart, Duration startTimeout,
                           Duration firstBackoff, Duration maxBackoff, Duration stableAfter) {

    public RestartPolicy {
        if (failuresBeforeRestart < 1) {
            throw new IllegalArgumentException("failuresBeforeRestart must be at least 1, not " + failuresBeforeRestart);
        }
        if (probeInterval.isNegative() || probeInterval.isZero() || firstBackoff.isNegative()
                || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("a positive probe interval and 0 <= first back-off <= max back-off");
        }
    }

    /** The wait before restart number {@code attempt} (1 for the first since the service was last stable). */
    public Duration backoff(int attempt) {
        Duration delay = firstBackoff;
        for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** How long one probe may take: 5 s (a busy service on two shared cores answers slowly), at most the interval. */
    public Duration probeTimeout() {
        Duration cap = Duration.ofSeconds(5);
        return probeInterval.compareTo(cap) < 0 ? probeInterval : cap;
    }
}
