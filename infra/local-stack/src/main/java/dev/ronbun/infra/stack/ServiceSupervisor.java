package dev.ronbun.infra.stack;

import dev.ronbun.infra.process.ChildProcess;
import dev.ronbun.infra.services.LivenessProbe;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps one service (or Kafka broker) running, as Kubernetes would: probes its liveness, and restarts it, with
 * back-off, when its process exits or it stops being live (a failed messaging channel, no answer). Nothing stays
 * dead silently: every restart is logged with its reason, attempt and wait.
 */
public final class ServiceSupervisor {

    /** Asks once whether the process is live; a broker, which has no health endpoint, is live while it runs. */
    @FunctionalInterface
    public interface LivenessCheck {
        LivenessProbe.Liveness check() throws InterruptedException;

        /** Live as long as the process runs: the supervisor itself notices an exit. */
        static LivenessCheck whileRunning() {
            return () -> new LivenessProbe.Liveness(true, "");
        }
    }

    private final String name;
    private final Supplier<ChildProcess> launcher;
    private final LivenessCheck liveness;
    private final RestartPolicy policy;
    private final Duration stopGrace;
    private final Consumer<String> log;
    private final Object lock = new Object();
    private final Thread thread;
    private ChildProcess process;
    private volatile boolean halted;
    private int restarts;

    /**
     * @param running   the service's process, already started and live
     * @param launcher  starts the service again
     * @param liveness  its {@code /q/health/live}
     * @param stopGrace how long a service that is no longer live may take to stop before it is killed
     * @param log       receives one line per restart, without a prefix
     */
    public ServiceSupervisor(String name, ChildProcess running, Supplier<ChildProcess> launcher, URI liveness,
                             RestartPolicy policy, Duration stopGrace, Consumer<String> log) {
        this(name, running, launcher, checkOf(new LivenessProbe(policy.probeTimeout()), liveness), policy, stopGrace,
                log);
    }

    /** As the other constructor, with any liveness check instead of an HTTP endpoint. */
    public ServiceSupervisor(String name, ChildProcess running, Supplier<ChildProcess> launcher, LivenessCheck liveness,
                             RestartPolicy policy, Duration stopGrace, Consumer<String> log) {
        this.name = name;
        this.process = running;
        this.launcher = launcher;
        this.liveness = liveness;
        this.policy = policy;
        this.stopGrace = stopGrace;
        this.log = log;
        this.thread = Thread.ofVirtual().name("supervise-" + name).unstarted(this::supervise);
    }

    private static LivenessCheck checkOf(LivenessProbe probe, URI liveness) {
        return () -> probe.check(liveness);
    }

    /** Starts watching; returns at once. */
    public ServiceSupervisor start() {
        thread.start();
        return this;
    }

    /** The process running the service now (null only while a restart could not launch it). */
    public ChildProcess current() {
        synchronized (lock) {
            return process;
        }
    }

    /** How many times the service was restarted. */
    public int restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    /** Stops watching (no restart happens after this returns) and stops the service within {@code grace}. */
    public void stop(Duration grace) {
        halted = true;
        thread.interrupt();
        try {
            thread.join(grace.plusSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildProcess last = current();
        if (last != null) {
            last.stop(grace);
        }
    }

    private void supervise() {
        long launchedAt = System.nanoTime();
        boolean beenLive = true; // the stack hands over a service that was ready, hence live
        int failures = 0;
        int attempt = 0;
        try {
            while (!halted) {
                Thread.sleep(policy.probeInterval());
                ChildProcess now = current();
                String reason = null;
                if (now == null) {
                    reason = "could not be started";
                } else if (!now.isAlive()) {
                    reason = "exited with code " + now.exitValue();
                } else {
                    LivenessProbe.Liveness answer = liveness.check();
                    if (answer.live()) {
                        beenLive = true;
                        failures = 0;
                        if (attempt > 0 && since(launchedAt).compareTo(policy.stableAfter()) >= 0) {
                            attempt = 0; // stable again: the next failure starts the back-off from the beginning
                        }
                    } else if (!beenLive) {
                        if (since(launchedAt).compareTo(policy.startTimeout()) > 0) {
                            reason = "was not live %d s after its start (%s)".formatted(
                                    policy.startTimeout().toSeconds(), answer.reason());
                        }
                    } else if (++failures >= policy.failuresBeforeRestart()) {
                        reason = "is not live (" + answer.reason() + ")";
                    }
                }
                if (reason != null && !halted) {
                    attempt++;
                    restart(now, reason, attempt);
                    launchedAt = System.nanoTime();
                    beenLive = false;
                    failures = 0;
                }
            }
        } catch (InterruptedException e) {
            // halted
        }
    }

    private void restart(ChildProcess old, String reason, int attempt) throws InterruptedException {
        Duration wait = policy.backoff(attempt);
        log.accept("%s %s; restarting it (attempt %d, in %s)".formatted(name, reason, attempt, describe(wait)));
        if (old != null && old.isAlive()) {
            old.stop(stopGrace);
        }
        if (old != null) {
            old.logTail(20).forEach(line -> log.accept("  " + name + " | " + line));
        }
        Thread.sleep(wait);
        synchronized (lock) {
            if (halted) {
                return;
            }
            try {
                process = launcher.get();
                restarts++;
                log.accept("restarted " + process);
            } catch (RuntimeException e) {
                process = null;
                log.accept("could not restart " + name + ": " + e.getMessage());
            }
        }
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    /** "4 s", or "250 ms" below a second. */
    static String describe(Duration wait) {
        return wait.toMillis() < 1000 || wait.toMillis() % 1000 != 0 ? wait.toMillis() + " ms" : wait.toSeconds() + " s";
    }
}
