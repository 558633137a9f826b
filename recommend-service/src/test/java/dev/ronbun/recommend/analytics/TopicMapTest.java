package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicMapTest {

    private static final List<PaperEvent> PAPERS = List.of(
            paper("d1", "m", new float[] {1f, 0.1f, 0f}, "拡散モデル", "画像生成"),
            paper("d2", "m", new float[] {0.9f, 0.2f, 0f}, "拡散モデル", "蒸留"),
            paper("d3", "m", new float[] {0.95f, 0f, 0.1f}, "拡散モデル", "大規模言語モデル"),
            paper("l1", "m", new float[] {0f, 0.1f, 1f}, "大規模言語モデル", "検索拡張生成"),
            paper("l2", "m", new float[] {0.1f, 0f, 0.9f}, "大規模言語モデル", "エージェント"));

    @Test
    void placesEveryPaperOnceAndLabelsEachClusterWithItsOwnKeywords() {
        TopicMapView map = TopicMap.compute(PAPERS, 2, 8);

        assertThat(map.points()).extracting(TopicMapView.Point::paperId).containsExactly("d1", "d2", "d3", "l1", "l2");
        assertThat(map.clusters()).hasSize(2);
        assertThat(map.clusters().get(0).label()).startsWith("拡散モデル");
        assertThat(map.clusters().get(0).papers()).isEqualTo(3);
        assertThat(map.clusters().get(1).label()).startsWith("大規模言語モデル");
        assertThat(map.model()).isEqualTo("m");
    }

    @Test
    void drawsTheSameMapWhateverTheOrderThePapersCameIn() {
        List<PaperEvent> reversed = PAPERS.reversed();

        assertThat(TopicMap.compute(reversed, null, 8)).isEqualTo(TopicMap.compute(PAPERS, null, 8));
    }

    @Test
    void leavesOutPapersWhoseVectorsComeFromAnotherModel() {
        List<PaperEvent> mixed = new java.util.ArrayList<>(PAPERS);
        mixed.add(paper("other", "another-model", new float[] {0.5f, 0.5f}, "拡散モデル"));

        TopicMapView map = TopicMap.compute(mixed, null, 8);

        assertThat(map.points()).hasSize(PAPERS.size());
        assertThat(map.skipped()).isEqualTo(1);
    }

    @Test
    void withoutAGivenNumberFindsAsManyClustersAsThereAreTopics() {
        assertThat(TopicMap.compute(PAPERS, null, 8).clusters()).hasSize(2);
        assertThat(TopicMap.compute(PAPERS.subList(0, 1), null, 8).clusters()).hasSize(1);
    }

    @Test
    void keepsEveryClusterWithinFortyPercentAndShowsOutliersAsNoise() {
        ClusteredPapers set = new ClusteredPapers(6, 30, 6, 7);

        TopicMapView map = TopicMap.compute(set.papers(), null, 8);

        int total = set.papers().size();
        assertThat(map.clusters()).hasSizeBetween(5, 8)
                .allSatisfy(cluster -> assertThat(cluster.papers()).isLessThanOrEqualTo((int) (0.40 * total))
                        .isGreaterThanOrEqualTo(VectorClusters.minClusterSize(total)));
        assertThat(map.points()).filteredOn(p -> set.outliers().contains(p.paperId()))
                .as("every outlier is noise").extracting(TopicMapView.Point::cluster)
                .containsOnly(VectorClusters.NOISE);
        assertThat(map.noise()).isGreaterThanOrEqualTo(set.outliers().size())
                .as("noise is outliers, not topics").isLessThan(set.outliers().size() + total / 20);
        for (int topic = 0; topic < 6; topic++) {
            int t = topic;
            Map<Integer, Long> clustersOfTopic = map.points().stream().filter(p -> ClusteredPapers.topicOf(p.paperId()) == t)
                    .collect(Collectors.groupingBy(TopicMapView.Point::cluster, Collectors.counting()));
            long mostInOne = clustersOfTopic.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(mostInOne).as("topic %d stays together", topic).isGreaterThanOrEqualTo(27);
        }
    }

    @Test
    void labelsEachClusterByItsTopicsKeywordNotTheOneAllPapersShare() {
        ClusteredPapers set = new ClusteredPapers(6, 30, 6, 7);

        TopicMapView map = TopicMap.compute(set.papers(), null, 8);

        assertThat(map.clusters()).allSatisfy(cluster ->
                assertThat(cluster.keywords()).first().asString().startsWith("話題"));
    }

    @Test
    void drawsTheSameClusteredMapEveryTimeWhateverTheOrder() {
        ClusteredPapers set = new ClusteredPapers(6, 30, 6, 7);
        List<PaperEvent> shuffled = new java.util.ArrayList<>(set.papers());
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));

        assertThat(TopicMap.compute(shuffled, null, 8)).isEqualTo(TopicMap.compute(set.papers(), null, 8));
    }

    static PaperEvent paper(String id, String model, float[] vector, String... keywords) {
        Instant seen = Instant.parse("2026-03-01T00:00:00Z");
        return new PaperEvent(1, id, "title:" + id, "Title " + id, "題 " + id, null, List.of(), List.of(), "paper",
                List.of(), Arrays.stream(keywords).map(k -> new Keyword(k, 1.0)).toList(),
                new PaperEmbedding(model, "v1", vector), seen, seen);
    }
}
