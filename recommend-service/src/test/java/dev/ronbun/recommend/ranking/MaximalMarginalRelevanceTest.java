package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.recommend.index.UnitVectors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaximalMarginalRelevanceTest {

    @Test
    void aNearDuplicateOfAChosenPaperGivesWayToSomethingDifferent() {
        Candidate best = candidate("best", 1.0, 0, 1, 0, 0);
        Candidate duplicate = candidate("duplicate", 0.95, 0, 1, 0.01f, 0);
        Candidate different = candidate("different", 0.8, 0, 0, 1, 0);

        List<Selection> picked = new MaximalMarginalRelevance(0.7).select(List.of(best, duplicate, different), 3, null);

        assertThat(picked).extracting(s -> s.candidate().paperId()).containsExactly("best", "different", "duplicate");
        assertThat(picked).extracting(Selection::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(picked.get(2).scoreParts().get("diversity")).isNegative();
    }

    @Test
    void withLambdaOneRelevanceAloneDecides() {
        Candidate best = candidate("best", 1.0, 0, 1, 0, 0);
        Candidate duplicate = candidate("duplicate", 0.95, 0, 1, 0.01f, 0);
        Candidate different = candidate("different", 0.8, 0, 0, 1, 0);

        List<Selection> picked = new MaximalMarginalRelevance(1.0).select(List.of(best, duplicate, different), 3, null);

        assertThat(picked).extracting(s -> s.candidate().paperId()).containsExactly("best", "duplicate", "different");
    }

    @Test
    void quotasKeepOneInterestFromTakingEverySlot() {
        Candidate a1 = candidate("a1", 1.0, 0, 1, 0, 0);
        Candidate a2 = candidate("a2", 0.99, 0, 0, 1, 0);
        Candidate a3 = candidate("a3", 0.98, 0, 0, 0, 1);
        Candidate b1 = candidate("b1", 0.2, 1, 1, 1, 1);

        List<Selection> picked = new MaximalMarginalRelevance(1.0)
                .select(List.of(a1, a2, a3, b1), 3, new int[] {2, 1});

        assertThat(picked).extracting(s -> s.candidate().paperId()).containsExactly("a1", "a2", "b1");
    }

    private static Candidate candidate(String id, double relevance, int group, float x, float y, float z) {
        return new Candidate(id, UnitVectors.normalized(new float[] {x, y, z}), relevance, Map.of(), group);
    }
}
