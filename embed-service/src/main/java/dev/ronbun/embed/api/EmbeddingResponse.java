package dev.ronbun.embed.api;

import java.util.List;

/** Vectors in the order of the request, with the model that made them (vectors of different models never mix). */
public record EmbeddingResponse(String modelId, String modelVersion, int dimension, List<float[]> vectors) {
}
