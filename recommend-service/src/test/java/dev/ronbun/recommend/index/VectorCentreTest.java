package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link VectorCentre}: the index takes its papers' common direction out before ranking compares vectors. */
class VectorCentreTest {

    private final PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS);

    @AfterEach
    void close() {
        index.close();
    }

    /**
     * Papers of two topics inside a narrow cone, as an anisotropic model embeds them: most of each vector is the
     * shared third axis, the topic is a small lean towards the first or the second.
     */
    private static PaperEvent coned(int i, String modelVersion, Instant updated) {
        boolean first = i % 2 == 0;
        float wobble = (i % 7) * 0.01f;
        PaperEvent paper = TestPapers.paper("centre:" + modelVersion + ":" + i, "Paper " + i)
                .vector(first ? 0.3f : wobble, first ? wobble : 0.3f, 1f).updated(updated).build();
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(),
                paper.titleJa(), paper.arxivId(), paper.urls(), paper.authors(), paper.kind(), paper.summaries(),
                paper.keywords(), new PaperEmbedding(TestPapers.MODEL, modelVersion, paper.embedding().vector()),
                paper.firstSeenAt(), paper.updatedAt());
    }

    private static List<PaperEvent> conedPapers(int from, int to, String modelVersion, Instant updated) {
        return IntStream.range(from, to).mapToObj(i -> coned(i, modelVersion, updated)).toList();
    }

    private Map<String, Float> scoresNear(PaperEvent query) {
        return index.nearest(query.embedding().vector(), 200, null, Set.of(query.paperId()))
                .stream().collect(Collectors.toMap(ScoredPaper::paperId, ScoredPaper::score));
    }

    @Test
    void centredCosinesTellTopicsApartWhereRawOnesBarelyDo() {
        List<PaperEvent> papers = conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z"));
        index.upsert(papers);
        PaperEvent query = papers.getFirst();
        float rawSame = UnitVectors.similarity(query.embedding().vector(), papers.get(2).embedding().vector());
        float rawOther = UnitVectors.similarity(query.embedding().vector(), papers.get(1).embedding().vector());
        assertThat(rawOther).as("raw cosine across topics").isGreaterThan(0.9f);
        assertThat(rawSame - rawOther).as("raw margin").isLessThan(0.1f);

        assertThat(index.centre().isActive()).isTrue();
        assertThat(index.centre().model()).isEqualTo("v1");
        Map<String, Float> scores = scoresNear(query);

        assertThat(scores).hasSize(59);
        papers.stream().skip(1).forEach(paper -> assertThat(scores.get(paper.paperId()))
                .as(paper.title()).isBetween(papers.indexOf(paper) % 2 == 0 ? 0.7f : -1f,
                        papers.indexOf(paper) % 2 == 0 ? 1f : -0.7f));
        List<ScoredPaper> nearest = index.nearest(query.embedding().vector(), 10, null, Set.of(query.paperId()));
        assertThat(nearest).hasSize(10).allSatisfy(hit -> assertThat(papers.stream()
                .filter(p -> p.paperId().equals(hit.paperId())).findFirst().orElseThrow().title())
                .matches(title -> Integer.parseInt(title.substring(6)) % 2 == 0));
        assertThat(nearest).extracting(ScoredPaper::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void withTooFewPapersForAMeanVectorsAndCosinesStayRaw() {
        List<PaperEvent> papers = conedPapers(0, VectorCentre.MIN_PAPERS - 1, "v1",
                Instant.parse("2026-01-01T00:00:00Z"));
        index.upsert(papers);
        PaperEvent query = papers.getFirst();

        assertThat(index.centre().isActive()).isFalse();
        Map<String, PaperEvent> byId = papers.stream().collect(Collectors.toMap(PaperEvent::paperId, Function.identity()));
        scoresNear(query).forEach((id, score) -> assertThat((double) score).isCloseTo(
                UnitVectors.similarity(query.embedding().vector(), byId.get(id).embedding().vector()), within(1e-5)));
    }

    @Test
    void theMeanFollowsTheCurrentModelAndTheIndexGrowing() {
        index.upsert(conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z")));
        float[] firstMean = index.centre().mean();

        index.upsert(conedPapers(100, 103, "v1", Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(index.centre().mean()).as("5 %% more papers keep the mean").isSameAs(firstMean);

        index.upsert(conedPapers(1000, 1060, "v2", Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(index.centre().model()).isEqualTo("v2");
        assertThat(index.centre().basis()).isEqualTo(index.size());
    }

    @Test
    void centringTakesTheMeanOutAndKeepsUnitLength() {
        VectorCentre centre = new VectorCentre(new float[] {0, 0, 0.9f}, "v1", 100);

        float[] centred = centre.centred(TestPapers.vector(0.3f, 0, 1));

        float[] expected = UnitVectors.normalized(new float[] {0.3f / 1.044f, 0, 1 / 1.044f - 0.9f});
        assertThat(centred).containsExactly(expected, within(1e-3f));
        assertThat((double) UnitVectors.similarity(centred, centred)).isCloseTo(1.0, within(1e-5));
        float[] otherDimension = {1, 0};
        assertThat(centre.centred(otherDimension)).isSameAs(otherDimension);
        assertThat(VectorCentre.NONE.centred(centred)).isSameAs(centred);
    }

    @Test
    void aMeanIsTakenAgainOnceTheIndexMovesByATenthOrTheModelChanges() {
        VectorCentre centre = new VectorCentre(new float[] {0, 0, 1}, "v1", 1000);

        assertThat(centre.outdatedFor("v1", 1099)).isFalse();
        assertThat(centre.outdatedFor("v1", 901)).isFalse();
        assertThat(centre.outdatedFor("v1", 1100)).isTrue();
        assertThat(centre.outdatedFor("v1", 900)).isTrue();
        assertThat(centre.outdatedFor("v2", 1000)).isTrue();
        assertThat(VectorCentre.NONE.outdatedFor(null, 0)).isFalse();
        assertThat(VectorCentre.NONE.outdatedFor("v1", 1)).isTrue();
    }
}
