package dev.ronbun.embed.embedding;

/**
 * How hard the embedder may use the machine; bound from configuration by the service.
 *
 * @param intraOpThreads ONNX Runtime threads per inference; the number of cores the service may use
 * @param maxBatchSize   most passages per forward pass
 * @param maxBatchTokens most padded tokens (passages x longest) per forward pass, which bounds transient memory
 */
public record EmbedderSettings(int intraOpThreads, int maxBatchSize, int maxBatchTokens) {

    public EmbedderSettings {
        if (intraOpThreads < 1 || maxBatchSize < 1 || maxBatchTokens < 1) {
            throw new IllegalArgumentException("embedder settings must be positive: " + intraOpThreads + ", "
                    + maxBatchSize + ", " + maxBatchTokens);
        }
    }

    /**
     * All cores; batches of up to 16 passages and 2,048 padded tokens (4 passages of 512). Larger batches buy
     * nothing on CPU and cost memory: a batch of 16 x 512 tokens takes ONNX Runtime's arena past 1.3 GiB.
     */
    public static EmbedderSettings defaults() {
        return new EmbedderSettings(Runtime.getRuntime().availableProcessors(), 16, 2048);
    }

    public EmbedderSettings withMaxBatchSize(int size) {
        return new EmbedderSettings(intraOpThreads, size, maxBatchTokens);
    }

    public EmbedderSettings withMaxBatchTokens(int tokens) {
        return new EmbedderSettings(intraOpThreads, maxBatchSize, tokens);
    }
}
