package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.recommend.index.ScoredPaper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConvexCombinationTest {

    private static ScoredPaper hit(String id, float score) {
        return new ScoredPaper(id, new float[0], score);
    }

    @Test
    void addsTheCosineToTheBm25ScoreScaledByTheBestOne() {
        Map<String, Double> fused = new ConvexCombination(1.0).fuse(
                List.of(hit("both", 0.80f), hit("only-vector", 0.90f)),
                List.of(hit("only-bm25", 12f), hit("both", 6f)));

        assertThat(fused.keySet()).containsExactly("both", "only-bm25", "only-vector");
        assertThat(fused.get("both")).isCloseTo(0.80 + 0.5, within(1e-6));
        assertThat(fused.get("only-bm25")).isCloseTo(1.0, within(1e-6));
        assertThat(fused.get("only-vector")).isCloseTo(0.90, within(1e-6));
    }

    @Test
    void keepsHowFarApartCandidatesAreWhereRankFusionKeepsOnlyTheirOrder() {
        List<ScoredPaper> byVector = List.of(hit("close", 0.95f), hit("far", 0.20f));
        List<ScoredPaper> byText = List.of(hit("far", 10f), hit("close", 9.5f));

        assertThat(new ConvexCombination(1.0).fuse(byVector, byText).keySet().iterator().next()).isEqualTo("close");
        assertThat(new ReciprocalRankFusion(60).fuse(byVector, byText).get("close"))
                .isEqualTo(new ReciprocalRankFusion(60).fuse(byVector, byText).get("far"));
    }

    @Test
    void aTextWeightOfZeroRanksByTheCosineAlone() {
        Map<String, Double> fused = new ConvexCombination(0.0).fuse(
                List.of(hit("a", 0.7f), hit("b", 0.6f)), List.of(hit("b", 20f), hit("c", 19f)));

        assertThat(fused.keySet()).containsExactly("a", "b", "c");
    }
}
