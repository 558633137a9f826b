package dev.ronbun.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ronbun.recommend.text.SparseVector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearSvmTest {

    @Test
    void separatesALinearlySeparableToySet() {
        // positives lean on feature 0, negatives on feature 1, with noise on feature 2
        List<SparseVector> examples = new ArrayList<>();
        boolean[] positive = new boolean[40];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40; i++) {
            positive[i] = i < 20;
            double noise = random.nextDouble() - 0.5;
            examples.add(positive[i] ? vector(1.0 + random.nextDouble(), 0.1, noise)
                    : vector(0.1, 1.0 + random.nextDouble(), noise));
        }

        LinearSvm svm = LinearSvm.train(examples, positive, 3, 1.0, 1);

        for (int i = 0; i < 40; i++) {
            assertThat(svm.decision(examples.get(i)) > 0).as("example %d", i).isEqualTo(positive[i]);
        }
        assertThat(svm.decision(vector(2, 0, 0))).isGreaterThan(svm.decision(vector(0, 2, 0)));
    }

    @Test
    void balancedClassWeightsKeepAFewPositivesOnTheirSide() {
        // three positives against sixty negatives: without balancing, weak regularisation would give up on them
        List<SparseVector> examples = new ArrayList<>();
        boolean[] positive = new boolean[63];
        for (int i = 0; i < 63; i++) {
            positive[i] = i < 3;
            examples.add(positive[i] ? vector(1, 0.3, 0) : vector(0.3, 1, i % 2 == 0 ? 0.2 : 0));
        }

        LinearSvm svm = LinearSvm.train(examples, positive, 3, LinearSvm.ARXIV_SANITY_C, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(svm.decision(examples.get(i))).isPositive();
        }
        assertThat(svm.decision(examples.get(10))).isNegative();
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        List<SparseVector> examples = List.of(vector(1, 0, 0), vector(0, 1, 0), vector(0.8, 0.2, 0), vector(0.1, 0.9, 0));
        boolean[] positive = {true, false, true, false};

        double one = LinearSvm.train(examples, positive, 3, 0.1, 3).decision(vector(0.5, 0.5, 0));
        double other = LinearSvm.train(examples, positive, 3, 0.1, 3).decision(vector(0.5, 0.5, 0));

        assertThat(one).isEqualTo(other);
    }

    @Test
    void refusesASingleClass() {
        assertThatThrownBy(() -> LinearSvm.train(List.of(vector(1, 0, 0)), new boolean[] {true}, 3, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SparseVector vector(double a, double b, double c) {
        return new SparseVector(new int[] {0, 1, 2}, new double[] {a, b, c});
    }
}
