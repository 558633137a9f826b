package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.PaperEmbedding;

/**
 * One paper's unit vector, with what it cost to make.
 *
 * @param embedding  the vector and the model (id and fingerprint) that made it
 * @param chunkCount passages embedded for the paper (title, summary and body chunks)
 * @param tokenCount tokens fed to the model for the paper, special tokens included
 */
public record PaperVector(PaperEmbedding embedding, int chunkCount, int tokenCount) {

    public float[] vector() {
        return embedding.vector();
    }
}
