package dev.ronbun.embed.storage;

/** A summary's vector as computed by the embedding model, ready to store. */
public record StoredVector(String modelId, String modelVersion, float[] vector, int tokenCount, int chunkCount) {
}
