package dev.ronbun.embed.storage;

import dev.ronbun.embed.embedding.PaperVector;
import java.util.List;
import java.util.Map;

/**
 * A summary's vector as computed by the embedding model, ready to store, with the keys of the cached passage vectors
 * it was made of (which stay cached as long as the summary vector is stored) and the passage vectors among them that
 * are to be cached with it ({@link PaperVector#uncached}).
 */
public record StoredVector(String modelId, String modelVersion, float[] vector, int tokenCount, int chunkCount,
                           List<String> passageKeys, Map<String, float[]> uncachedPassages) {

    public StoredVector {
        passageKeys = passageKeys == null ? List.of() : List.copyOf(passageKeys);
        uncachedPassages = uncachedPassages == null ? Map.of() : Map.copyOf(uncachedPassages);
    }

    /** A vector made of no cached passages. */
    public StoredVector(String modelId, String modelVersion, float[] vector, int tokenCount, int chunkCount) {
        this(modelId, modelVersion, vector, tokenCount, chunkCount, List.of(), Map.of());
    }

    public static StoredVector of(PaperVector computed) {
        return new StoredVector(computed.embedding().modelId(), computed.embedding().modelVersion(), computed.vector(),
                computed.tokenCount(), computed.chunkCount(), computed.passageKeys(), computed.uncached());
    }
}
