package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The mutual-neighbour bonus of related papers: a paper whose own closest paper is the source goes ahead of a hub that
 * is closer to the source but closer still to papers of its own. Vectors alone rank here (text weights 0, every
 * summary the same), so the figures can be worked out by hand.
 */
class MutualNeighboursTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final RankingSettings VECTORS_ONLY = RankingSettings.DEFAULTS.withDiversify(false)
            .withFusion(new ConvexCombination(0)).withCharGramWeights(0, 0);
    private static final RankingSettings.Mutual DEPTH_TWO = new RankingSettings.Mutual(2.0, 20, 2);

    // cos(source, hub) 0.90 > cos(source, partner) 0.85; the hub's two closest are the cluster (0.98+), the
    // partner's closest is the source (0.85 against 0.77 to the hub)
    private final PaperEvent source = paper("source", 1, 0, 0);
    private final PaperEvent hub = paper("hub", 0.9f, 0.436f, 0);
    private final PaperEvent partner = paper("partner", 0.85f, 0, 0.527f);
    private final List<PaperEvent> cluster = List.of(paper("x1", 0.72f, 0.69f, 0.02f),
            paper("x2", 0.70f, 0.71f, -0.02f), paper("x3", 0.71f, 0.70f, 0.05f));

    @Test
    void aPaperThatCountsTheSourceAsItsClosestGoesAheadOfAHub() {
        try (PaperIndex index = indexOfAll()) {
            PaperCandidates candidates = new PaperCandidates(index);

            List<Recommendation> without = new RelatedPapers(candidates, VECTORS_ONLY.withMutual(RankingSettings.Mutual.OFF))
                    .relatedTo(source, 3, RankingMode.HYBRID);
            List<Recommendation> with = new RelatedPapers(candidates, VECTORS_ONLY.withMutual(DEPTH_TWO))
                    .relatedTo(source, 3, RankingMode.HYBRID);

            assertThat(without).extracting(r -> r.paper().paperId())
                    .startsWith(hub.paperId(), partner.paperId());
            assertThat(with).extracting(r -> r.paper().paperId())
                    .startsWith(partner.paperId(), hub.paperId());
            assertThat(with.getFirst().scoreParts()).containsEntry("mutual", 2.0);
            assertThat(with.get(1).scoreParts()).containsEntry("mutual", 0.0);
        }
    }

    @Test
    void eachCandidatesOwnRankingIsAskedOfTheKeeperOnce() {
        try (PaperIndex index = indexOfAll()) {
            PaperCandidates candidates = new PaperCandidates(index);
            List<String> asked = new ArrayList<>();
            AtomicInteger computed = new AtomicInteger();
            OwnNeighbours counting = (paperId, compute) -> {
                asked.add(paperId);
                computed.incrementAndGet();
                return compute.get();
            };

            new RelatedPapers(candidates, VECTORS_ONLY.withMutual(new RankingSettings.Mutual(2.0, 3, 2)), counting)
                    .relatedTo(source, 3, RankingMode.HYBRID);
            List<Recommendation> vectorOnly = new RelatedPapers(candidates, VECTORS_ONLY.withMutual(DEPTH_TWO), counting)
                    .relatedTo(source, 3, RankingMode.VECTOR);

            // the three best fused candidates, each once; a single-signal ranking asks for none
            assertThat(asked).containsExactlyInAnyOrder(hub.paperId(), partner.paperId(), cluster.getFirst().paperId());
            assertThat(computed).hasValue(3);
            assertThat(vectorOnly.getFirst().paper().paperId()).isEqualTo(hub.paperId());
        }
    }

    private PaperIndex indexOfAll() {
        PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS);
        List<PaperEvent> all = new ArrayList<>(List.of(source, hub, partner));
        all.addAll(cluster);
        new PaperIndexWriter(index).upsert(all);
        return index;
    }

    private static PaperEvent paper(String key, float x, float y, float z) {
        double length = Math.sqrt(x * x + y * y + z * z);
        float[] unit = {(float) (x / length), (float) (y / length), (float) (z / length)};
        String text = "同じ要約の本文";
        PaperSummary only = new PaperSummary(key + "#0", "doc-" + key, key + ".md", "structured-summary", null, null,
                text, List.of(), text);
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, PaperIdentity.paperId("title:" + key), "title:" + key,
                "Paper " + key, null, null, List.of(), List.of(), "paper", List.of(only), List.of(),
                new PaperEmbedding("test", "v1", unit), NOW, NOW);
    }
}
