package dev.ronbun.embed.embedding;

import java.util.Collection;
import java.util.Map;

/**
 * Passage vectors already computed, keyed by model version and {@link TextEmbedder#passageKey passage key}, so that
 * no passage is embedded twice: a paper's second summary repeats its title, a redelivered or re-ingested document
 * repeats everything. A vector is only ever looked up under the version that made it.
 */
public interface PassageVectorCache {

    /** Remembers nothing: every passage is embedded. */
    PassageVectorCache NONE = new PassageVectorCache() {
        @Override
        public Map<String, float[]> find(String modelVersion, Collection<String> keys) {
            return Map.of();
        }

        @Override
        public void remember(String modelVersion, Map<String, float[]> vectors) {
        }
    };

    /** The vectors known for those keys under the model version; keys not known are absent. */
    Map<String, float[]> find(String modelVersion, Collection<String> keys);

    /** Keeps vectors just computed by the model version; keys already kept are left as they are. */
    void remember(String modelVersion, Map<String, float[]> vectors);
}
