package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterLabelsTest {

    @Test
    void namesEachClusterByTheKeywordThatSetsItApartNotTheOneEveryClusterHas() {
        List<List<String>> terms = List.of(
                List.of("モデル", "拡散モデル"), List.of("モデル", "拡散モデル"), List.of("モデル", "画像生成"),
                List.of("モデル", "音声認識"), List.of("モデル", "音声認識"), List.of("モデル"));
        int[] assignment = {0, 0, 0, 1, 1, 1};

        List<List<String>> labels = ClusterLabels.distinctiveKeywords(terms, assignment, 2, 2);

        assertThat(labels.get(0)).first().isEqualTo("拡散モデル");
        assertThat(labels.get(1)).first().isEqualTo("音声認識");
    }

    @Test
    void aKeywordOfOnePaperDoesNotNameAClusterOfMany() {
        // Alone, each paper's own word scores above the shared one (it occurs nowhere else); sharing comes first.
        List<List<String>> terms = List.of(
                List.of("検索拡張生成", "固有の語甲"), List.of("検索拡張生成", "固有の語乙"), List.of("固有の語丙"),
                List.of("固有の語丁"), List.of("検索拡張生成", "強化学習"), List.of("検索拡張生成", "強化学習"),
                List.of("強化学習"), List.of("強化学習"));
        int[] assignment = {0, 0, 0, 0, 1, 1, 1, 1};

        List<List<String>> labels = ClusterLabels.distinctiveKeywords(terms, assignment, 2, 2);

        assertThat(labels.get(0)).first().isEqualTo("検索拡張生成");
        assertThat(labels.get(1)).first().isEqualTo("強化学習");
    }

    @Test
    void noisePapersNameNothingButMakeTheirKeywordsCommon() {
        List<List<String>> terms = List.of(
                List.of("エージェント", "評価"), List.of("エージェント", "評価"), List.of("評価"), List.of("評価"));
        int[] assignment = {0, 0, VectorClusters.NOISE, VectorClusters.NOISE};

        List<List<String>> labels = ClusterLabels.distinctiveKeywords(terms, assignment, 1, 1);

        assertThat(labels).containsExactly(List.of("エージェント"));
    }
}
