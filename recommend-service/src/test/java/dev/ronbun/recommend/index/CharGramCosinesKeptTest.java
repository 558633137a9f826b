package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The character n-gram cosines keep idfs and paper vectors while the index reader is the same: asked again they give
 * the same figures, and once the index has changed they are those of a fresh computation over the new index, not the
 * kept ones.
 */
class CharGramCosinesKeptTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void keptFiguresAreThoseOfTheCurrentIndex() {
        PaperEvent source = paper("a", "Sparse mixture of experts routes each token to two experts");
        PaperEvent near = paper("b", "Routing tokens to experts in a sparse mixture");
        PaperEvent far = paper("c", "Speech recognition trained on weakly supervised audio");
        try (PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS)) {
            PaperIndexWriter writer = new PaperIndexWriter(index);
            writer.upsert(List.of(source, near, far));
            PaperCandidates kept = new PaperCandidates(index);
            List<String> candidates = List.of(near.paperId(), far.paperId());

            Map<String, Double> first = kept.charGramCosines(List.of(source), candidates);
            Map<String, Double> again = kept.charGramCosines(List.of(source), candidates);
            // many papers sharing the source's grams lower their idf, so the cosine to the near paper changes
            for (int i = 0; i < 5; i++) {
                writer.upsert(List.of(paper("more" + i, "Sparse mixture of experts routing, variant " + i)));
            }
            Map<String, Double> afterWrites = kept.charGramCosines(List.of(source), candidates);
            Map<String, Double> fresh = new PaperCandidates(index).charGramCosines(List.of(source), candidates);

            assertThat(again).isEqualTo(first);
            assertThat(afterWrites.get(near.paperId()))
                    .isCloseTo(fresh.get(near.paperId()), Offset.offset(1e-12))
                    .isNotCloseTo(first.get(near.paperId()), Offset.offset(1e-6));
            assertThat(afterWrites.get(far.paperId())).isCloseTo(fresh.get(far.paperId()), Offset.offset(1e-12));
        }
    }

    private static PaperEvent paper(String key, String summary) {
        PaperSummary only = new PaperSummary(key + "#0", "doc-" + key, key + ".md", "structured-summary", null, null,
                summary, List.of(), summary);
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, PaperIdentity.paperId("title:" + key), "title:" + key,
                "Paper " + key, null, null, List.of(), List.of(), "paper", List.of(only), List.of(),
                new PaperEmbedding("test", "v1", new float[] {1f, 0f, 0f}), NOW, NOW);
    }
}
