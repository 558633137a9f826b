package dev.ronbun.embed.embedding;

import dev.ronbun.contracts.events.PaperEmbedding;
import java.util.List;
import java.util.Map;

/**
 * One paper's unit vector, with what it cost to make.
 *
 * @param embedding   the vector and the model (id and fingerprint) that made it
 * @param chunkCount  passages embedded for the paper (title, summary and body chunks)
 * @param tokenCount  tokens fed to the model for the paper, special tokens included
 * @param passageKeys the {@link TextEmbedder#passageKey keys} of its passages, which keep their cached vectors in use
 * @param uncached    passage vectors the model made for it that are not in the {@link PassageVectorCache} yet, by key:
 *                    empty unless it was made with {@link PaperVectorizer#vectorizeForStore}, whose caller caches
 *                    them
 */
public record PaperVector(PaperEmbedding embedding, int chunkCount, int tokenCount, List<String> passageKeys,
                          Map<String, float[]> uncached) {

    public PaperVector {
        passageKeys = passageKeys == null ? List.of() : List.copyOf(passageKeys);
        uncached = uncached == null ? Map.of() : Map.copyOf(uncached);
    }

    public float[] vector() {
        return embedding.vector();
    }
}
