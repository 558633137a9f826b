package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorClustersTest {

    private static final float[][] THREE_TOPICS = {
            {1f, 0.1f, 0f}, {0.9f, 0.2f, 0f}, {0.95f, 0f, 0.1f}, {0.9f, 0.1f, 0.1f},
            {0f, 1f, 0.1f}, {0.1f, 0.9f, 0f}, {0f, 0.95f, 0.2f},
            {0f, 0.1f, 1f}, {0.1f, 0f, 0.9f},
    };

    @Test
    void putsVectorsOfOneTopicTogetherAndTopicsApart() {
        VectorClusters.Clustering clustering = VectorClusters.kMeans(THREE_TOPICS, 3);

        int[] a = clustering.assignment();
        assertThat(clustering.clusters()).isEqualTo(3);
        assertThat(new int[] {a[0], a[1], a[2], a[3]}).containsOnly(a[0]);
        assertThat(new int[] {a[4], a[5], a[6]}).containsOnly(a[4]);
        assertThat(new int[] {a[7], a[8]}).containsOnly(a[7]);
        assertThat(new int[] {a[0], a[4], a[7]}).doesNotHaveDuplicates();
    }

    @Test
    void numbersClustersLargestFirst() {
        int[] a = VectorClusters.kMeans(THREE_TOPICS, 3).assignment();

        assertThat(a[0]).as("four vectors").isZero();
        assertThat(a[4]).as("three vectors").isEqualTo(1);
        assertThat(a[7]).as("two vectors").isEqualTo(2);
    }

    @Test
    void givesTheSameClustersEveryTime() {
        assertThat(VectorClusters.kMeans(THREE_TOPICS, 2).assignment())
                .isEqualTo(VectorClusters.kMeans(THREE_TOPICS, 2).assignment());
    }

    @Test
    void choosesTheNumberOfClustersThatSeparatesTheTopicsBest() {
        VectorClusters.Clustering best = VectorClusters.kMeans(THREE_TOPICS, 3);

        assertThat(VectorClusters.bestKMeans(THREE_TOPICS, 8).assignment()).isEqualTo(best.assignment());
        assertThat(VectorClusters.bestKMeans(THREE_TOPICS, 2).clusters()).isEqualTo(2);
    }

    @Test
    void makesFewerClustersThanAskedWhenVectorsCoincide() {
        float[][] same = {{0.6f, 0.8f}, {0.6f, 0.8f}, {0.6f, 0.8f}};

        VectorClusters.Clustering clustering = VectorClusters.kMeans(same, 3);

        assertThat(clustering.clusters()).isEqualTo(1);
        assertThat(clustering.assignment()).containsOnly(0);
    }
}
