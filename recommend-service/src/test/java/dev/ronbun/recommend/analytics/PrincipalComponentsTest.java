package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrincipalComponentsTest {

    @Test
    void firstAxisFollowsTheDirectionInWhichTheVectorsSpreadMost() {
        // Pairs of points along (1, 1, 0), the two of a pair 0.2 apart along (0, 0, 1).
        float[][] vectors = new float[10][];
        for (int i = 0; i < 5; i++) {
            float t = i - 2;
            vectors[2 * i] = new float[] {t, t, 0.1f};
            vectors[2 * i + 1] = new float[] {t, t, -0.1f};
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
        float[][] vectors = {{0.9f, 0.1f, 0.4f}, {0.2f, 0.8f, 0.5f}, {0.1f, 0.3f, 0.9f}, {0.7f, 0.6f, 0.1f}};

        assertThat(PrincipalComponents.project(vectors, 2)).isDeepEqualTo(PrincipalComponents.project(vectors, 2));
    }

    @Test
    void axesPointTheSameWayWhateverTheSignOfTheInput() {
        float[][] vectors = {{1f, 0f}, {2f, 0.1f}, {3f, 0f}};
        float[][] mirrored = {{-1f, 0f}, {-2f, -0.1f}, {-3f, 0f}};

        double[][] xy = PrincipalComponents.project(vectors, 1);
        double[][] mirroredXy = PrincipalComponents.project(mirrored, 1);

        for (int i = 0; i < 3; i++) {
            assertThat(mirroredXy[i][0]).isCloseTo(-xy[i][0], within(1e-5));
        }
    }

    @Test
    void aSinglePaperOrIdenticalVectorsSitAtTheOrigin() {
        assertThat(PrincipalComponents.project(new float[][] {{0.6f, 0.8f}}, 2)).isDeepEqualTo(new double[][] {{0, 0}});
        double[][] same = PrincipalComponents.project(new float[][] {{0.6f, 0.8f}, {0.6f, 0.8f}}, 2);
        assertThat(same).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
        assertThat(PrincipalComponents.project(new float[0][], 2)).isEmpty();
    }
}
