package dev.ronbun.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void theIntervalOfHalfHitsMatchesTheNormalApproximation() {
        // 200 queries, half hits: standard error sqrt(0.25 / 200) = 0.0354, so the interval is about 0.5 ± 0.069
        List<Double> values = new ArrayList<>(Collections.nCopies(100, 1.0));
        values.addAll(Collections.nCopies(100, 0.0));

        Bootstrap.Estimate estimate = Bootstrap.mean(values);

        assertThat(estimate.mean()).isEqualTo(0.5);
        assertThat(estimate.low()).isCloseTo(0.5 - 1.96 * Math.sqrt(0.25 / 200), within(0.015));
        assertThat(estimate.high()).isCloseTo(0.5 + 1.96 * Math.sqrt(0.25 / 200), within(0.015));
    }

    @Test
    void identicalScoresHaveNoSpread() {
        Bootstrap.Estimate estimate = Bootstrap.mean(Collections.nCopies(30, 0.4));

        assertThat(estimate.low()).isCloseTo(0.4, within(1e-12));
        assertThat(estimate.high()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void aFixedSeedRepeatsTheInterval() {
        List<Double> values = List.of(0.0, 0.2, 0.4, 0.4, 0.6, 1.0, 0.8, 0.2);

        assertThat(Bootstrap.mean(values)).isEqualTo(Bootstrap.mean(values));
        assertThat(Bootstrap.mean(values, 1_000, 1)).isNotEqualTo(Bootstrap.mean(values, 1_000, 2));
    }

    @Test
    void fewerQueriesGiveAWiderInterval() {
        List<Double> few = List.of(1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0);
        List<Double> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.addAll(few);
        }

        Bootstrap.Estimate wide = Bootstrap.mean(few);
        Bootstrap.Estimate narrow = Bootstrap.mean(many);

        assertThat(wide.high() - wide.low()).isGreaterThan(2 * (narrow.high() - narrow.low()));
    }

    @Test
    void thePairedRatioOfARankingTwiceAsGoodIsTwo() {
        List<Double> anchor = List.of(0.2, 0.4, 0.0, 0.2, 0.4, 0.2);
        List<Double> better = anchor.stream().map(v -> 2 * v).toList();

        Bootstrap.Estimate ratio = Bootstrap.pairedRatio(better, anchor);

        // every resample keeps the pairs, so the ratio is exactly 2 in each
        assertThat(ratio.mean()).isCloseTo(2.0, within(1e-12));
        assertThat(ratio.low()).isCloseTo(2.0, within(1e-12));
        assertThat(ratio.high()).isCloseTo(2.0, within(1e-12));
        assertThat(Bootstrap.pairedRatio(anchor, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)).mean()).isNaN();
    }
}
