package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.recommend.index.UnitVectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
    void aSubjectReadOftenStaysOneInterestAndLeadsHoweverFarOneHeavyReadingLies() {
        List<WeightedPaper> history = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            history.add(paper("agents-" + i, 1, 1, 0.04f * (i % 3), 0.04f * (i % 2)));
        }
        history.add(paper("far-off", 3, 0, 0, 1));

        List<Interest> interests = InterestClusters.cluster(history, 3);

        assertThat(interests).hasSize(2);
        assertThat(interests.getFirst().members()).hasSize(8)
                .allSatisfy(member -> assertThat(member.paper().paperId()).startsWith("agents-"));
        assertThat(interests.get(1).members()).extracting(m -> m.paper().paperId()).containsExactly("far-off");
    }

    @Test
    void givesTheSameInterestsWhateverTheOrderOfTheHistory() {
        List<WeightedPaper> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(paper("p" + i, 1 + i % 3, i % 3 == 0 ? 1 : 0.1f * i, i % 3 == 1 ? 1 : 0.05f, i % 3 == 2 ? 1 : 0));
        }
        List<WeightedPaper> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(5));

        assertThat(describe(InterestClusters.cluster(shuffled, 3))).isEqualTo(describe(InterestClusters.cluster(history, 3)));
    }

    private static List<String> describe(List<Interest> interests) {
        return interests.stream().map(interest -> interest.weight() + ":" + interest.members().stream()
                .map(m -> m.paper().paperId()).toList()).toList();
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
