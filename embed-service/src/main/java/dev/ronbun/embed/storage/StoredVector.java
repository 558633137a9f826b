package dev.ronbun.embed.storage;

import dev.ronbun.embed.embedding.PaperVector;

/** A summary's vector as computed by the embedding model, ready to store. */
public record StoredVector(String modelId, String modelVersion, float[] vector, int tokenCount, int chunkCount) {

    public static StoredVector of(PaperVector computed) {
        return new StoredVector(computed.embedding().modelId(), computed.embedding().modelVersion(), computed.vector(),
                computed.tokenCount(), computed.chunkCount());
    }
}
