package dev.ronbun.contracts;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries work that failed for a passing reason (database restarting, broker leader moving) with exponential
 * back-off, holding the partition meanwhile; a record that breaks the contract fails at once so it can go to the
 * dead-letter topic. After the last attempt the failure propagates and the record is dead-lettered with the reason,
 * so nothing crash-loops. Every consumer that writes to a database uses it, so an outage shorter than the back-off
 * budget (about a minute with the defaults: 8 attempts, 500 ms doubling to 30 s) loses and dead-letters nothing.
 */
public final class RedeliveryPolicy {

    private static final System.Logger LOG = System.getLogger(RedeliveryPolicy.class.getName());

    private final int attempts;
    private final Duration firstDelay;
    private final Duration maxDelay;

    public RedeliveryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    public RedeliveryPolicy(RedeliverySettings settings) {
        this(settings.attempts(), settings.firstDelay(), settings.maxDelay());
    }

    public <T> T run(String what, Supplier<T> work) {
        Duration delay = firstDelay;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    throw new IllegalStateException(what + " failed after " + attempts + " attempts: " + e.getMessage(), e);
                }
                int failed = attempt;
                long waitMillis = delay.toMillis();
                LOG.log(System.Logger.Level.WARNING, () -> "%s failed (attempt %d of %d), retrying in %d ms: %s"
                        .formatted(what, failed, attempts, waitMillis, e));
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
