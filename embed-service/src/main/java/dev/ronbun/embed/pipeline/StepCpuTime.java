package dev.ronbun.embed.pipeline;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * CPU time of the consumer's own thread in one step of processing a summary, as
 * {@code ronbun_embed_summary_cpu_seconds_total{step=…}} in {@code /q/metrics}: where a summary's CPU goes (the model
 * runs on the calling thread when it has one intra-op thread, the default with parallel passes). Time the thread
 * waits (for the database, the broker, a lock) is not CPU time and does not count.
 */
final class StepCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AtomicLong nanos = new AtomicLong();

    StepCpuTime(MeterRegistry registry, String step) {
        FunctionCounter.builder("ronbun.embed.summary.cpu.seconds", nanos, n -> n.get() / 1e9)
                .tag("step", step)
                .description("CPU seconds of the consumer thread per step of processing summaries")
                .register(registry);
    }

    <T> T measure(Supplier<T> work) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            nanos.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
        }
    }
}
