package dev.ronbun.embed.embedding;

/** Told what embedding papers cost: how many passages the cache had, and the passages and time the model took. */
public interface EmbeddingMeter {

    EmbeddingMeter NONE = new EmbeddingMeter() {
        @Override
        public void cacheLooked(int hits, int misses) {
        }

        @Override
        public void modelRan(int passages, long nanos, long cpuNanos) {
        }
    };

    /** Of the distinct passages looked up, {@code hits} were cached and {@code misses} were not. */
    void cacheLooked(int hits, int misses);

    /**
     * {@code passages} passages went through the model in {@code nanos} nanoseconds, of which the calling thread spent
     * {@code cpuNanos} on a CPU (all of the model's CPU time when it runs one intra-op thread, part of it otherwise).
     */
    void modelRan(int passages, long nanos, long cpuNanos);
}
