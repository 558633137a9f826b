package dev.ronbun.embed.api;

import java.util.List;

/**
 * Texts to embed.
 *
 * @param texts the texts, at most 64
 * @param mode  {@code query} (search queries: the model's query prefix) or {@code passage} (documents)
 */
public record EmbeddingRequest(List<String> texts, String mode) {
}
