package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchCalibrationTest {

    @Test
    void aCandidateThatStandsOutMatchesHighlyAndTheTopOfAFlatListOnlyModestly() {
        List<Double> withTwin = pool(new Random(1), 99);
        withTwin.add(0.95);
        List<Double> flat = pool(new Random(2), 100);
        double flatTop = flat.stream().mapToDouble(Double::doubleValue).max().orElseThrow();

        double twin = MatchCalibration.of(withTwin).match(0.95);
        double flatBest = MatchCalibration.of(flat).match(flatTop);

        assertThat(twin).isGreaterThan(0.95);
        assertThat(flatBest).isBetween(0.3, 0.9).isLessThan(twin - 0.1);
    }

    @Test
    void theMedianCandidateIsAPoorMatchAndMatchesRiseWithTheScore() {
        List<Double> scores = pool(new Random(3), 101);
        MatchCalibration calibration = MatchCalibration.of(scores);
        List<Double> sorted = scores.stream().sorted().toList();

        assertThat(calibration.match(sorted.get(50))).isCloseTo(1 / (1 + Math.exp(MatchCalibration.EVEN_Z)),
                within(1e-9));
        assertThat(sorted.stream().map(calibration::match).toList()).isSorted()
                .allSatisfy(match -> assertThat(match).isBetween(0.0, 1.0));
    }

    @Test
    void aListTooShortForAYardstickKeepsItsScaledScores() {
        MatchCalibration calibration = MatchCalibration.of(List.of(0.2, 0.4, 0.6));

        assertThat(calibration.match(0.6)).isEqualTo(1.0);
        assertThat(calibration.match(0.4)).isCloseTo(0.5, within(1e-9));
        assertThat(MatchCalibration.of(List.of(0.3)).match(0.3)).isEqualTo(1.0);
    }

    /** Fused scores of ordinary candidates: spread around 0.5. */
    private static List<Double> pool(Random random, int size) {
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            scores.add(0.5 + 0.05 * random.nextGaussian());
        }
        return scores;
    }
}
