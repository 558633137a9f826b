package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    @Test
    void firstAxisFollowsTheDirectionInWhichTheVectorsSpreadMost() {
        // Pairs of points along (1, 1, 0), the two of a pair 0.2 apart along (0, 0, 1).
        double[][] vectors = new double[10][];
        for (int i = 0; i < 5; i++) {
            double t = i - 2;
            vectors[2 * i] = new double[] {t, t, 0.1};
            vectors[2 * i + 1] = new double[] {t, t, -0.1};
        }

        double[][] xy = PrincipalComponents.project(vectors, 2);

        for (int i = 0; i < 10; i++) {
            assertThat(Math.abs(xy[i][0])).as("distance along the line").isCloseTo(Math.abs(i / 2 - 2) * Math.sqrt(2), within(1e-4));
            assertThat(Math.abs(xy[i][1])).as("the small spread is the second axis").isCloseTo(0.1, within(1e-4));
        }
        assertThat(xy[0][0]).as("the line runs one way").isEqualTo(-xy[8][0], within(1e-4));
    }

    @Test
    void givesTheSameCoordinatesEveryTime() {
        double[][] vectors = {{0.9, 0.1, 0.4}, {0.2, 0.8, 0.5}, {0.1, 0.3, 0.9}, {0.7, 0.6, 0.1}};

        assertThat(PrincipalComponents.project(vectors, 2)).isDeepEqualTo(PrincipalComponents.project(vectors, 2));
    }

    @Test
    void axesPointTheSameWayWhateverTheSignOfTheInput() {
        double[][] vectors = {{1, 0}, {2, 0.1}, {3, 0}};
        double[][] mirrored = {{-1, 0}, {-2, -0.1}, {-3, 0}};

        double[][] xy = PrincipalComponents.project(vectors, 1);
        double[][] mirroredXy = PrincipalComponents.project(mirrored, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(mirroredXy[i][0]).isCloseTo(-xy[i][0], within(1e-5));
        }
    }

    @Test
    void aSinglePaperOrIdenticalVectorsSitAtTheOrigin() {
        assertThat(PrincipalComponents.project(new double[][] {{0.6, 0.8}}, 2)).isDeepEqualTo(new double[][] {{0, 0}});
        double[][] same = PrincipalComponents.project(new double[][] {{0.6, 0.8}, {0.6, 0.8}}, 2);
        assertThat(same).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
        assertThat(PrincipalComponents.project(new double[0][], 2)).isEmpty();
    }
}
