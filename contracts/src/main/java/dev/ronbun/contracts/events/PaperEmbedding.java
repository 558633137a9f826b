package dev.ronbun.contracts.events;

/**
 * A paper's vector and the model that made it; vectors of different models are never compared.
 *
 * @param modelId      the model's name, e.g. bge-small-zh-v1.5-q
 * @param modelVersion a fingerprint of the model files and settings
 * @param vector       unit-length paper vector
 */
public record PaperEmbedding(String modelId, String modelVersion, float[] vector) {

    public int dimension() {
        return vector.length;
    }
}
