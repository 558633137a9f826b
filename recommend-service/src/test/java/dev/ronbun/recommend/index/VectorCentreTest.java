package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VectorCentre}: the index takes its papers' common direction out before ranking compares vectors. */
class VectorCentreTest {

    private final PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS);
    private final PaperIndexWriter writer = new PaperIndexWriter(index);
    private final PaperIndexReader reader = new PaperIndexReader(index);
    private final PaperCandidates candidates = new PaperCandidates(index);

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
        return withEmbedding(paper, modelVersion, paper.embedding().vector());
    }

    static PaperEvent withEmbedding(PaperEvent paper, String modelVersion, float[] vector) {
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(),
                paper.titleJa(), paper.arxivId(), paper.urls(), paper.authors(), paper.kind(), paper.summaries(),
                paper.keywords(), new PaperEmbedding(TestPapers.MODEL, modelVersion, vector),
                paper.firstSeenAt(), paper.updatedAt());
    }

    private static List<PaperEvent> conedPapers(int from, int to, String modelVersion, Instant updated) {
        return IntStream.range(from, to).mapToObj(i -> coned(i, modelVersion, updated)).toList();
    }

    private Map<String, Float> scoresNear(PaperEvent query) {
        float[] centred = reader.centre().centred(query.embedding().vector());
        return candidates.nearest(centred, 200, null, Set.of(query.paperId())).stream()
                .collect(Collectors.toMap(ScoredPaper::paperId, ScoredPaper::score));
    }

    /** Every paper the index gives back (whole, as a listing, in the export) has its vector as embedded. */
    private static void assertVectorsAsEmbedded(PaperIndex index, List<PaperEvent> papers) {
        PaperIndexReader reader = new PaperIndexReader(index);
        Map<String, PaperEvent> whole = reader.getAll(papers.stream().map(PaperEvent::paperId).toList());
        Map<String, PaperEvent> listed = reader.listings(papers.stream().map(PaperEvent::paperId).toList());
        Map<String, PaperEvent> exported = new java.util.HashMap<>();
        reader.forEach(paper -> exported.put(paper.paperId(), paper));
        for (PaperEvent paper : papers) {
            for (Map<String, PaperEvent> read : List.of(whole, listed, exported)) {
                assertThat(read.get(paper.paperId()).embedding().vector()).as(paper.paperId())
                        .containsExactly(paper.embedding().vector(), within(1e-5f));
            }
        }
    }

    @Test
    void centredCosinesTellTopicsApartWhereRawOnesBarelyDo() {
        List<PaperEvent> papers = conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z"));
        writer.upsert(papers);
        PaperEvent query = papers.getFirst();
        float rawSame = UnitVectors.similarity(query.embedding().vector(), papers.get(2).embedding().vector());
        float rawOther = UnitVectors.similarity(query.embedding().vector(), papers.get(1).embedding().vector());
        assertThat(rawOther).as("raw cosine across topics").isGreaterThan(0.9f);
        assertThat(rawSame - rawOther).as("raw margin").isLessThan(0.1f);

        assertThat(reader.centre().isActive()).isTrue();
        assertThat(reader.centre().model()).isEqualTo("v1");
        Map<String, Float> scores = scoresNear(query);

        assertThat(scores).hasSize(59);
        papers.stream().skip(1).forEach(paper -> assertThat(scores.get(paper.paperId()))
                .as(paper.title()).isBetween(papers.indexOf(paper) % 2 == 0 ? 0.7f : -1f,
                        papers.indexOf(paper) % 2 == 0 ? 1f : -0.7f));
        List<ScoredPaper> nearest = candidates.nearest(reader.centre().centred(query.embedding().vector()), 10, null,
                Set.of(query.paperId()));
        assertThat(nearest).hasSize(10).allSatisfy(hit -> assertThat(papers.stream()
                .filter(p -> p.paperId().equals(hit.paperId())).findFirst().orElseThrow().title())
                .matches(title -> Integer.parseInt(title.substring(6)) % 2 == 0));
        assertThat(nearest).extracting(ScoredPaper::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void withTooFewPapersForAMeanVectorsAndCosinesStayRaw() {
        List<PaperEvent> papers = conedPapers(0, VectorCentre.MIN_PAPERS - 1, "v1",
                Instant.parse("2026-01-01T00:00:00Z"));
        writer.upsert(papers);
        PaperEvent query = papers.getFirst();

        assertThat(reader.centre().isActive()).isFalse();
        Map<String, PaperEvent> byId = papers.stream().collect(Collectors.toMap(PaperEvent::paperId, Function.identity()));
        scoresNear(query).forEach((id, score) -> assertThat((double) score).isCloseTo(
                UnitVectors.similarity(query.embedding().vector(), byId.get(id).embedding().vector()), within(1e-5)));
    }

    @Test
    void theMeanIsTakenAt50PapersThenAtTwentyTimesAsManyAndPapersAreStoredCentredButGivenBackAsEmbedded() {
        List<PaperEvent> first = conedPapers(0, 49, "v1", Instant.parse("2026-01-01T00:00:00Z"));
        writer.upsert(first);
        assertThat(reader.centre().isActive()).isFalse();
        assertThat(candidates.nearest(first.get(0).embedding().vector(), 1, null, Set.of()).getFirst().vector())
                .as("stored as embedded").containsExactly(first.get(0).embedding().vector(), within(1e-6f));

        List<PaperEvent> more = conedPapers(49, 60, "v1", Instant.parse("2026-01-01T00:00:00Z"));
        writer.upsert(more);
        VectorCentre taken = reader.centre();
        assertThat(taken.isActive()).isTrue();
        assertThat(taken.basis()).isEqualTo(60);
        float[] centred = taken.centred(first.get(0).embedding().vector());
        ScoredPaper self = candidates.nearest(centred, 1, null, Set.of()).getFirst();
        assertThat(self.paperId()).isEqualTo(first.get(0).paperId());
        assertThat(self.vector()).as("stored centred, the papers written before the mean too")
                .containsExactly(centred, within(1e-5f));
        assertThat((double) self.score()).isCloseTo(1.0, within(1e-5));
        assertVectorsAsEmbedded(index, conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z")));

        // the second half leans the other way, so a mean taken over all of them is another one
        List<PaperEvent> grown = IntStream.range(60, 1200).mapToObj(i -> coned(i, "v1",
                Instant.parse("2026-01-02T00:00:00Z"))).map(p -> shifted(p, 0.2f)).toList();
        writer.upsert(grown.subList(0, 1100));
        assertThat(reader.centre()).as("kept until twenty times the papers").isSameAs(taken);
        writer.upsert(grown.subList(1100, grown.size()));
        assertThat(reader.centre().basis()).isEqualTo(1200);
        assertThat(reader.centre().mean()).isNotEqualTo(taken.mean());
        assertVectorsAsEmbedded(index, grown);
        assertVectorsAsEmbedded(index, conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z")));
        ScoredPaper again = candidates.nearest(reader.centre().centred(grown.getLast().embedding().vector()), 1, null,
                Set.of()).getFirst();
        // papers of the same topic and wobble share a vector, so the hit may be any of them: an exact cosine of 1
        // says it was centred on the new mean as the query was
        assertThat((double) again.score()).as("rewritten on the new mean").isCloseTo(1.0, within(1e-5));
    }

    /** The paper with its vector tilted along the first axis. */
    private static PaperEvent shifted(PaperEvent paper, float tilt) {
        float[] v = paper.embedding().vector();
        return withEmbedding(paper, paper.embedding().modelVersion(), TestPapers.vector(v[0] + tilt, v[1], v[2]));
    }

    @Test
    void eachModelIsCentredOnItsOwnMeanAndTheCurrentModelsIsTheIndexCentre() {
        List<PaperEvent> older = conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z"));
        writer.upsert(older);
        VectorCentre first = reader.centre();

        List<PaperEvent> newer = conedPapers(1000, 1060, "v2", Instant.parse("2026-02-01T00:00:00Z"));
        writer.upsert(newer.stream().map(p -> shifted(p, 0.5f)).toList());
        assertThat(reader.centre().model()).isEqualTo("v2");
        assertThat(reader.centre().mean()).isNotEqualTo(first.mean());
        assertThat(reader.centre("v1")).isSameAs(first);
        assertVectorsAsEmbedded(index, older);

        ScoredPaper oldSelf = candidates.nearest(first.centred(older.get(3).embedding().vector()), 1,
                PaperSet.of(PaperQueries.model("v1")), Set.of()).getFirst();
        assertThat(oldSelf.paperId()).isEqualTo(older.get(3).paperId());
        assertThat((double) oldSelf.score()).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void theMeanIsKeptWithTheIndexAcrossARestartAndDroppedWithAClear(@TempDir Path folder) {
        List<PaperEvent> papers = conedPapers(0, 60, "v1", Instant.parse("2026-01-01T00:00:00Z"));
        float[] mean;
        try (PaperIndex onDisk = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            new PaperIndexWriter(onDisk).upsert(papers);
            mean = new PaperIndexReader(onDisk).centre().mean();
        }
        try (PaperIndex reopened = PaperIndex.open(folder, IndexSettings.DEFAULTS)) {
            PaperIndexWriter reopenedWriter = new PaperIndexWriter(reopened);
            PaperIndexReader reopenedReader = new PaperIndexReader(reopened);
            assertThat(reopenedReader.centre().mean()).containsExactly(mean);
            assertThat(reopenedReader.centre().basis()).isEqualTo(60);
            assertVectorsAsEmbedded(reopened, papers);
            ScoredPaper self = new PaperCandidates(reopened).nearest(
                    reopenedReader.centre().centred(papers.get(5).embedding().vector()), 1, null, Set.of()).getFirst();
            assertThat((double) self.score()).isCloseTo(1.0, within(1e-5));

            reopenedWriter.clear();
            assertThat(reopenedReader.centre().isActive()).isFalse();
            reopenedWriter.upsert(papers.subList(0, 10));
            assertThat(reopenedReader.centre().isActive()).isFalse();
            assertVectorsAsEmbedded(reopened, papers.subList(0, 10));
        }
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
    void aVectorIsGivenBackFromItsCentredDirectionAndItsDistanceToTheMean() {
        VectorCentre centre = new VectorCentre(new float[] {0.1f, 0, 0.9f}, "v1", 100);
        float[] embedded = TestPapers.vector(0.3f, -0.2f, 1);

        float[] back = centre.embedded(centre.centred(embedded), centre.stored(embedded).distance());

        assertThat(back).containsExactly(embedded, within(1e-6f));
        assertThat(VectorCentre.decoded("v1", centre.encoded())).satisfies(decoded -> {
            assertThat(decoded.mean()).containsExactly(centre.mean());
            assertThat(decoded.basis()).isEqualTo(100);
            assertThat(decoded.model()).isEqualTo("v1");
        });
    }

    @Test
    void theMeanIsTakenAt50ThenAtTwentyTimesAsManyPapersUpTo20000() {
        assertThat(VectorCentre.none("v1").nextTaking()).isEqualTo(VectorCentre.MIN_PAPERS);
        assertThat(new VectorCentre(new float[] {1}, "v1", 50).nextTaking()).isEqualTo(1000);
        assertThat(new VectorCentre(new float[] {1}, "v1", 1000).nextTaking()).isEqualTo(20_000);
        assertThat(new VectorCentre(new float[] {1}, "v1", 7000).nextTaking()).isEqualTo(20_000);
        assertThat(new VectorCentre(new float[] {1}, "v1", 20_000).nextTaking()).isEqualTo(Integer.MAX_VALUE);
    }
}
