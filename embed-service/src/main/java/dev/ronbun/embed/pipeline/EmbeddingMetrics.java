package dev.ronbun.embed.pipeline;

import dev.ronbun.embed.embedding.EmbeddingMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What embedding costs, in {@code /q/metrics}: passage cache hits and misses (and the hit ratio), passages through
 * the model and the time they took there (the passages per second the model reaches; {@code rate()} of the counter
 * gives the rate over wall time).
 */
@ApplicationScoped
public class EmbeddingMetrics implements EmbeddingMeter {

    private final Counter hits;
    private final Counter misses;
    private final Counter embedded;
    private final Timer model;
    private final AtomicLong modelNanos = new AtomicLong();
    private final AtomicLong modelCpuNanos = new AtomicLong();
    private final AtomicLong modelPassages = new AtomicLong();

    public EmbeddingMetrics(MeterRegistry registry) {
        hits = Counter.builder("ronbun.embed.passages.cache.hits")
                .description("distinct passages whose vector came from the passage cache").register(registry);
        misses = Counter.builder("ronbun.embed.passages.cache.misses")
                .description("distinct passages the cache did not have, embedded by the model").register(registry);
        Gauge.builder("ronbun.embed.passages.cache.hit.ratio", this, m -> m.hitRatio())
                .description("share of distinct passages found in the cache since start").register(registry);
        embedded = Counter.builder("ronbun.embed.passages.embedded")
                .description("passages embedded by the model").register(registry);
        model = Timer.builder("ronbun.embed.model.time")
                .description("time in the model per call (one call embeds the uncached passages of a summary)")
                .register(registry);
        Gauge.builder("ronbun.embed.model.passages.per.second", this, m -> m.passagesPerModelSecond())
                .description("passages embedded per second spent in the model, since start").register(registry);
        FunctionCounter.builder("ronbun.embed.model.seconds", modelNanos, n -> n.get() / 1e9)
                .description("seconds spent in the model").register(registry);
        FunctionCounter.builder("ronbun.embed.model.cpu.seconds", modelCpuNanos, n -> n.get() / 1e9)
                .description("CPU seconds of the calling threads in the model (all of it with one intra-op thread)")
                .register(registry);
    }

    @Override
    public void cacheLooked(int hitCount, int missCount) {
        hits.increment(hitCount);
        misses.increment(missCount);
    }

    @Override
    public void modelRan(int passages, long nanos, long cpuNanos) {
        modelCpuNanos.addAndGet(cpuNanos);
        embedded.increment(passages);
        model.record(nanos, TimeUnit.NANOSECONDS);
        modelNanos.addAndGet(nanos);
        modelPassages.addAndGet(passages);
    }

    private double hitRatio() {
        double looked = hits.count() + misses.count();
        return looked == 0 ? 0 : hits.count() / looked;
    }

    private double passagesPerModelSecond() {
        long nanos = modelNanos.get();
        return nanos == 0 ? 0 : modelPassages.get() / (nanos / 1e9);
    }
}
