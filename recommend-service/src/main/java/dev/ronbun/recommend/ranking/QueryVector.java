package dev.ronbun.recommend.ranking;

/** A text embedded as a query by embed-service, with the model that made it. */
public record QueryVector(String modelId, String modelVersion, float[] vector) {
}
