package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.recommend.index.UnitVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterestClustersTest {

    @Test
    void aHistoryOfTwoSubjectsBecomesTwoInterestsHeaviestFirst() {
        List<WeightedPaper> history = List.of(
                paper("diffusion-1", 1, 1, 0.05f, 0), paper("diffusion-2", 1, 1, 0, 0.05f),
                paper("diffusion-3", 2, 0.95f, 0.1f, 0), paper("speech-1", 1, 0, 0.05f, 1));

        List<Interest> interests = InterestClusters.cluster(history, 3);

        assertThat(interests).hasSize(2);
        assertThat(interests.getFirst().members()).extracting(m -> m.paper().paperId())
                .containsExactly("diffusion-3", "diffusion-1", "diffusion-2");
        assertThat(interests.getFirst().weight()).isEqualTo(4.0);
        assertThat(interests.get(1).members()).extracting(m -> m.paper().paperId()).containsExactly("speech-1");
        assertThat(UnitVectors.similarity(interests.get(1).centroid(), UnitVectors.normalized(new float[] {0, 0.05f, 1})))
                .isGreaterThan(0.999f);
    }

    @Test
    void noHistoryHasNoInterests() {
        assertThat(InterestClusters.cluster(List.of(), 3)).isEmpty();
    }

    private static WeightedPaper paper(String id, double weight, float x, float y, float z) {
        PaperEvent paper = new PaperEvent(1, id, id, id, null, null, List.of(), List.of(), "paper", List.of(),
                List.of(), new PaperEmbedding("m", "v", UnitVectors.normalized(new float[] {x, y, z})), null, null);
        return new WeightedPaper(paper, paper.embedding().vector(), weight, ReadingType.READ);
    }
}
