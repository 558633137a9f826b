package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.recommend.index.ScoredPaper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateCosinesTest {

    private static final float[] QUERY = {1, 0, 0};

    private static ScoredPaper hit(String id, float[] vector, float score) {
        return new ScoredPaper(id, vector, score);
    }

    @Test
    void aTextMatchBeyondTheKnnDepthGetsItsCosineAndItsPlaceInTheVectorRanking() {
        List<ScoredPaper> nearest = List.of(hit("near", new float[] {0.9f, 0.436f, 0}, 0.9f),
                hit("nearish", new float[] {0.7f, 0.714f, 0}, 0.7f));
        List<ScoredPaper> byText = List.of(hit("text-only", new float[] {0.8f, 0, 0.6f}, 12f),
                hit("near", new float[] {0.9f, 0.436f, 0}, 3f));

        List<ScoredPaper> completed = CandidateCosines.completed(nearest, byText, QUERY);

        assertThat(completed).extracting(ScoredPaper::paperId).containsExactly("near", "text-only", "nearish");
        assertThat(completed.get(1).score()).isCloseTo(0.8f, within(1e-6f));
    }

    @Test
    void withTheCosineFusionNoLongerTreatsTheTextMatchAsUnrelatedInMeaning() {
        List<ScoredPaper> nearest = List.of(hit("vector-only", new float[] {0.85f, 0.527f, 0}, 0.85f));
        List<ScoredPaper> byText = List.of(hit("text-only", new float[] {0.8f, 0, 0.6f}, 10f));
        ConvexCombination fusion = new ConvexCombination(1.0);

        Map<String, Double> before = fusion.fuse(nearest, byText);
        Map<String, Double> after = fusion.fuse(CandidateCosines.completed(nearest, byText, QUERY), byText);

        assertThat(before.get("text-only")).isCloseTo(1.0, within(1e-6));
        assertThat(after.get("text-only")).isCloseTo(1.8, within(1e-6));
        assertThat(after.keySet()).containsExactly("text-only", "vector-only");
    }

    @Test
    void withoutAComparableQueryVectorTheKnnHitsStayAsTheyAre() {
        List<ScoredPaper> nearest = List.of(hit("near", new float[] {1, 0, 0}, 1f));
        List<ScoredPaper> byText = List.of(hit("other-model", new float[] {0, 1}, 5f),
                hit("no-vector", new float[0], 4f));

        assertThat(CandidateCosines.completed(nearest, byText, null)).isSameAs(nearest);
        assertThat(CandidateCosines.completed(nearest, byText, QUERY)).extracting(ScoredPaper::paperId)
                .containsExactly("near");
    }
}
