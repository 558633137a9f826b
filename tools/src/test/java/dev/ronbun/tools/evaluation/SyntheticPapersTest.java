package dev.ronbun.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.recommend.index.UnitVectors;
import org.junit.jupiter.api.Test;

class SyntheticPapersTest {

    private static double meanCosineAcrossClusters(SyntheticPapers synthetic) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < 200; i++) {
            for (int j = i + 1; j < 200; j++) {
                if (synthetic.clusterOf(i) != synthetic.clusterOf(j)) {
                    sum += UnitVectors.similarity(synthetic.vector(i), synthetic.vector(j));
                    pairs++;
                }
            }
        }
        return sum / pairs;
    }

    @Test
    void isotropicByDefaultAndInsideTheConeWhenAskedLikeTheBundledModel() {
        assertThat(meanCosineAcrossClusters(new SyntheticPapers(42, 512, 20))).isCloseTo(0, within(0.02));
        SyntheticPapers coned = new SyntheticPapers(42, 512, 20, 0.82);
        assertThat(meanCosineAcrossClusters(coned)).isCloseTo(0.82, within(0.03));
        float[] first = coned.vector(0);
        float[] sameCluster = coned.vector(20);
        assertThat(UnitVectors.similarity(first, sameCluster)).as("same cluster, closer still").isGreaterThan(0.85f);
        assertThat(coned.vector(7)).containsExactly(coned.vector(7));
        assertThat((double) UnitVectors.similarity(first, first)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void aConeOfOneOrMoreIsRefused() {
        assertThatThrownBy(() -> new SyntheticPapers(42, 512, 20, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cone");
    }
}
