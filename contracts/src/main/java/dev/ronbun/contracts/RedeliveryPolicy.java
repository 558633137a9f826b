package dev.ronbun.contracts;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one way Ronbun's consumers retry: what failed is classified by {@link FailureClassifier}, and
 * <ul>
 *   <li>a <em>permanent</em> failure (the record cannot be stored as it is) is thrown at once as an
 *       {@link InvalidEventException} naming the reason, so the channel's dead-letter-queue strategy dead-letters the
 *       record with it and the consumer moves on;</li>
 *   <li>a <em>transient</em> failure (database or broker unreachable) is retried with back-off doubling from
 *       {@code firstDelay} to {@code maxDelay}, for as long as the outage lasts when built from
 *       {@link RedeliverySettings}: good data is never dead-lettered because of an outage;</li>
 *   <li>an <em>unknown</em> failure is retried {@code attempts} times in all, then thrown with the reason, so the
 *       record is dead-lettered rather than crash-looping.</li>
 * </ul>
 * Retrying holds the record on the consumer's worker thread; the Kafka connector meanwhile pauses the partitions once
 * its small queue is full and keeps polling, so the consumer stays in its group (see each service's
 * {@code application.properties} for the connector settings this relies on). An attempt that never returns (a
 * connection that hangs) is what is left to stop a consumer silently: {@link #longestAttemptInFlight()} and the
 * settings' {@link #stallLimit()} let {@link ConsumerLiveness} see it.
 */
public final class RedeliveryPolicy {

    private static final System.Logger LOG = System.getLogger(RedeliveryPolicy.class.getName());
    /** Once the back-off has reached its cap, one warning per this many attempts is enough. */
    private static final int LOG_EVERY_AT_CAP = 10;

    private final int attempts;
    private final boolean transientBounded;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Optional<Duration> stallLimit;
    private final Map<Thread, Long> attemptsInFlight = new ConcurrentHashMap<>();

    private RedeliveryPolicy(int attempts, boolean transientBounded, Duration firstDelay, Duration maxDelay,
                             Optional<Duration> stallLimit) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.transientBounded = transientBounded;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.stallLimit = stallLimit;
    }

    /**
     * A consumer's policy: transient failures are retried until they pass, unknown ones {@code attempts} times.
     */
    public RedeliveryPolicy(RedeliverySettings settings) {
        this(settings.attempts(), false, settings.firstDelay(), settings.maxDelay(),
                Optional.of(settings.stallLimit()));
    }

    /** A consumer's policy with explicit values: transient failures until they pass, unknown ones {@code attempts}. */
    public static RedeliveryPolicy untilRecovered(int attempts, Duration firstDelay, Duration maxDelay) {
        return new RedeliveryPolicy(attempts, false, firstDelay, maxDelay, Optional.empty());
    }

    /**
     * A client's policy that must give up eventually: every failure that is not permanent is tried at most
     * {@code attempts} times, then thrown as an {@link IllegalStateException}.
     */
    public RedeliveryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {
        this(attempts, true, firstDelay, maxDelay, Optional.empty());
    }

    /**
     * Runs the work until it succeeds, a permanent failure occurs or the attempts for its kind are spent.
     *
     * @param what what the work does, for logs and reasons ("storing reading event e-1")
     * @throws InvalidEventException when the failure is permanent
     * @throws IllegalStateException when the attempts are spent
     */
    public <T> T run(String what, Supplier<T> work) {
        Duration delay = firstDelay;
        long started = System.nanoTime();
        int unknownFailures = 0;
        for (int attempt = 1; ; attempt++) {
            T result = null;
            RuntimeException failure = null;
            attemptsInFlight.put(Thread.currentThread(), System.nanoTime());
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                attemptsInFlight.remove(Thread.currentThread());
            }
            if (failure == null) {
                if (attempt > 1) {
                    LOG.log(System.Logger.Level.INFO, "{0}: succeeded at attempt {1} after {2} s",
                            FailureClassifier.printable(what), attempt,
                            Duration.ofNanos(System.nanoTime() - started).toSeconds());
                }
                return result;
            }
            FailureKind kind = FailureClassifier.classify(failure);
            String reason = FailureClassifier.reason(failure);
            String subject = FailureClassifier.printable(what);
            if (kind == FailureKind.PERMANENT) {
                throw failure instanceof InvalidEventException invalid ? invalid
                        : new InvalidEventException(subject + " cannot succeed: " + reason, failure);
            }
            boolean spent = kind == FailureKind.UNKNOWN ? ++unknownFailures >= attempts
                    : transientBounded && attempt >= attempts;
            if (spent) {
                throw new IllegalStateException(subject + " failed " + attempt + " times ("
                        + kind.name().toLowerCase(Locale.ROOT) + " failure): " + reason, failure);
            }
            if (delay.compareTo(maxDelay) < 0 || attempt % LOG_EVERY_AT_CAP == 0) {
                String limit = kind == FailureKind.TRANSIENT && !transientBounded ? "until it passes"
                        : "of " + attempts;
                LOG.log(System.Logger.Level.WARNING, "{0}: {1} failure (attempt {2} {3}), retrying in {4} ms: {5}",
                        subject, kind.name().toLowerCase(Locale.ROOT), attempt, limit, delay.toMillis(), reason);
            }
            sleep(delay);
            delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
        }
    }

    /** How long the longest attempt running now has been running (waits between attempts excluded); zero if none. */
    public Duration longestAttemptInFlight() {
        long now = System.nanoTime();
        return attemptsInFlight.values().stream().map(started -> Duration.ofNanos(now - started))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** How long an attempt may run before the consumer counts as stalled: the settings' limit, none without them. */
    public Optional<Duration> stallLimit() {
        return stallLimit;
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
