package dev.ronbun.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void precisionCountsRelevantItemsAmongTheFirstKOverK() {
        List<String> ranked = List.of("a", "b", "c", "d", "e", "f");

        assertThat(RankingMetrics.precisionAt(5, ranked, Set.of("a", "c", "f"))).isEqualTo(0.4);
        assertThat(RankingMetrics.precisionAt(5, List.of("a"), Set.of("a"))).isEqualTo(0.2);
        assertThat(RankingMetrics.precisionAt(5, ranked, Set.of())).isZero();
    }

    @Test
    void aHitIsAnyRelevantItemAmongTheFirstK() {
        assertThat(RankingMetrics.hitAt(3, List.of("a", "b", "c", "d"), Set.of("c"))).isEqualTo(1.0);
        assertThat(RankingMetrics.hitAt(3, List.of("a", "b", "c", "d"), Set.of("d"))).isZero();
    }

    @Test
    void ndcgDiscountsARelevantItemByTheLogOfItsRank() {
        assertThat(RankingMetrics.ndcgAt(10, List.of("x", "a"), Set.of("x"))).isEqualTo(1.0);
        // one relevant item at rank 3: (1 / log2 4) / 1 = 0.5
        assertThat(RankingMetrics.ndcgAt(10, List.of("a", "b", "x"), Set.of("x"))).isCloseTo(0.5, within(1e-12));
        // two relevant at ranks 1 and 3 against an ideal of ranks 1 and 2
        double expected = (1 + 0.5) / (1 + 1 / (Math.log(3) / Math.log(2)));
        assertThat(RankingMetrics.ndcgAt(10, List.of("x", "a", "y"), Set.of("x", "y"))).isCloseTo(expected, within(1e-12));
        assertThat(RankingMetrics.ndcgAt(2, List.of("a", "b", "x"), Set.of("x"))).isZero();
    }

    @Test
    void theMeanOfNothingIsZero() {
        assertThat(RankingMetrics.mean(List.of())).isZero();
        assertThat(RankingMetrics.mean(List.of(1.0, 0.0, 0.5))).isEqualTo(0.5);
    }

    @Test
    void reciprocalRankIsOneOverTheFirstRelevantPlaceWithinK() {
        assertThat(RankingMetrics.reciprocalRankAt(10, List.of("a", "b", "c"), Set.of("c", "b"))).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRankAt(2, List.of("a", "b", "c"), Set.of("c"))).isZero();
    }
}
