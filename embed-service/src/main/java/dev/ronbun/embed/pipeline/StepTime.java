package dev.ronbun.embed.pipeline;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Time the consumer's thread spends in one step of processing a summary, twice: its CPU time, as
 * {@code ronbun_embed_summary_cpu_seconds_total{step=…}} in {@code /q/metrics} (the model runs on the calling thread
 * when it has one intra-op thread, the default with parallel passes), and the elapsed time, as
 * {@code ronbun_embed_summary_seconds_total{step=…}}. The difference is time the thread waited: for the database, the
 * broker, a lock, or a core the other processes held.
 */
final class StepTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong elapsedNanos = new AtomicLong();

    StepTime(MeterRegistry registry, String step) {
        FunctionCounter.builder("ronbun.embed.summary.cpu.seconds", cpuNanos, n -> n.get() / 1e9)
                .tag("step", step)
                .description("CPU seconds of the consumer thread per step of processing summaries")
                .register(registry);
        FunctionCounter.builder("ronbun.embed.summary.seconds", elapsedNanos, n -> n.get() / 1e9)
                .tag("step", step)
                .description("elapsed seconds of the consumer thread per step of processing summaries")
                .register(registry);
    }

    <T> T measure(Supplier<T> work) {
        // The elapsed interval encloses the CPU one, so a step never shows more CPU than elapsed time.
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
            elapsedNanos.addAndGet(System.nanoTime() - start);
        }
    }
}
