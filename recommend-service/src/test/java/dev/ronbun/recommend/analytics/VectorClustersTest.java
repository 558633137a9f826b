package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VectorClustersTest {

    private static final double[][] THREE_TOPICS = {
            {1, 0.1, 0}, {0.9, 0.2, 0}, {0.95, 0, 0.1}, {0.9, 0.1, 0.1},
            {0, 1, 0.1}, {0.1, 0.9, 0}, {0, 0.95, 0.2},
            {0, 0.1, 1}, {0.1, 0, 0.9},
    };

    @Test
    void putsVectorsOfOneTopicTogetherAndTopicsApart() {
        VectorClusters.Clustering clustering = VectorClusters.withNoise(THREE_TOPICS, 3);

        int[] a = clustering.assignment();
        assertThat(clustering.clusters()).isEqualTo(3);
        assertThat(new int[] {a[0], a[1], a[2], a[3]}).containsOnly(a[0]);
        assertThat(new int[] {a[4], a[5], a[6]}).containsOnly(a[4]);
        assertThat(new int[] {a[7], a[8]}).containsOnly(a[7]);
        assertThat(new int[] {a[0], a[4], a[7]}).doesNotHaveDuplicates().doesNotContain(VectorClusters.NOISE);
    }

    @Test
    void numbersClustersLargestFirst() {
        int[] a = VectorClusters.withNoise(THREE_TOPICS, 3).assignment();

        assertThat(a[0]).as("four vectors").isZero();
        assertThat(a[4]).as("three vectors").isEqualTo(1);
        assertThat(a[7]).as("two vectors").isEqualTo(2);
    }

    @Test
    void givesTheSameClustersEveryTime() {
        assertThat(VectorClusters.withNoise(THREE_TOPICS, 2).assignment())
                .isEqualTo(VectorClusters.withNoise(THREE_TOPICS, 2).assignment());
    }

    @Test
    void choosesTheNumberOfClustersThatSeparatesTheTopicsBest() {
        VectorClusters.Clustering best = VectorClusters.withNoise(THREE_TOPICS, 3);

        assertThat(VectorClusters.best(THREE_TOPICS, 8).assignment()).isEqualTo(best.assignment());
        assertThat(VectorClusters.best(THREE_TOPICS, 2).clusters()).isEqualTo(2);
    }

    @Test
    void makesFewerClustersThanAskedWhenVectorsCoincide() {
        double[][] same = {{0.6, 0.8}, {0.6, 0.8}, {0.6, 0.8}};

        VectorClusters.Clustering clustering = VectorClusters.withNoise(same, 3);

        assertThat(clustering.clusters()).isEqualTo(1);
        assertThat(clustering.assignment()).containsOnly(0);
    }

    @Test
    void aVectorFarFromEveryTopicIsNoiseNotAClusterOfOne() {
        double[][] withOutlier = Arrays.copyOf(THREE_TOPICS, THREE_TOPICS.length + 1);
        withOutlier[THREE_TOPICS.length] = new double[] {-3, -3, -3};

        VectorClusters.Clustering clustering = VectorClusters.withNoise(withOutlier, 4);

        assertThat(clustering.assignment()[THREE_TOPICS.length]).isEqualTo(VectorClusters.NOISE);
        assertThat(clustering.noise()).isEqualTo(1);
        int[] sizes = new int[clustering.clusters()];
        Arrays.stream(clustering.assignment()).filter(c -> c != VectorClusters.NOISE).forEach(c -> sizes[c]++);
        assertThat(Arrays.stream(sizes).min().orElseThrow()).isGreaterThanOrEqualTo(2);
    }
}
