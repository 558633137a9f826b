package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void anItemBothRankingsAgreeOnBeatsAnItemOnlyOneRanksFirst() {
        Map<String, Double> fused = new ReciprocalRankFusion(60).fuse(List.of(
                List.of("only-vector", "both"),
                List.of("both", "only-bm25")));

        assertThat(fused.keySet()).containsExactly("both", "only-vector", "only-bm25");
        assertThat(fused.get("both")).isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
        assertThat(fused.get("only-vector")).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get("only-bm25")).isCloseTo(1.0 / 62, within(1e-12));
    }
}
