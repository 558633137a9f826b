package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.infra.testing.RonbunTestInfrastructure;
import dev.ronbun.recommend.TestPapers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas of the service share each model's {@link VectorCentre} through the database ({@link StoredCentres}), so
 * that two indexes holding the same papers give the same cosines whatever order they indexed them in.
 */
@QuarkusTest
@QuarkusTestResource(value = RonbunTestInfrastructure.class,
        initArgs = @ResourceArg(name = RonbunTestInfrastructure.DATABASE_ARG, value = "ronbun_recommend"))
class SharedCentresTest {

    private static final Instant UPDATED = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    StoredCentres stored;

    private final List<PaperIndex> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(PaperIndex::close);
    }

    private PaperIndex newIndex() {
        PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS);
        opened.add(index);
        return index;
    }

    /** Papers of one model in a narrow cone, each leaning its own way, so that any two sets of 50 differ in mean. */
    private static List<PaperEvent> papers(String model, int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            PaperEvent paper = TestPapers.paper("shared-centre:" + model + ":" + i, "Paper " + i)
                    .vector((float) Math.sin(i * 1.7) * 0.4f, (float) Math.cos(i * 0.9) * 0.4f, 1f)
                    .updated(UPDATED).build();
            return VectorCentreTest.withEmbedding(paper, model, paper.embedding().vector());
        }).toList();
    }

    /** As the live consumer writes them: one paper at a time, so the mean is taken when the 50th arrives. */
    private static void writeOneByOne(PaperIndexWriter writer, List<PaperEvent> papers) {
        papers.forEach(paper -> writer.upsert(List.of(paper)));
    }

    /** Two replicas' indexes. */
    private record Replicas(PaperIndex first, PaperIndex second) {
    }

    /**
     * Two replicas that interleaved the partitions differently: the first gets the papers in order, the second
     * reversed, each through a writer of its own.
     */
    private Replicas indexInTwoOrders(List<PaperEvent> papers, Function<PaperIndex, PaperIndexWriter> writerOf) {
        Replicas replicas = new Replicas(newIndex(), newIndex());
        writeOneByOne(writerOf.apply(replicas.first()), papers);
        writeOneByOne(writerOf.apply(replicas.second()), papers.reversed());
        return replicas;
    }

    private static Map<String, Float> scoresNear(PaperIndex index, PaperEvent query) {
        float[] centred = new PaperIndexReader(index).centre().centred(query.embedding().vector());
        return new PaperCandidates(index).nearest(centred, 200, null, Set.of(query.paperId())).stream()
                .collect(Collectors.toMap(ScoredPaper::paperId, ScoredPaper::score));
    }

    private static String newModel() {
        return "shared-centre-" + UUID.randomUUID();
    }

    @Test
    void replicasThatIndexedThePapersInDifferentOrdersCentreOnOneMean() {
        String model = newModel();
        List<PaperEvent> papers = papers(model, 60);
        Replicas replicas = indexInTwoOrders(papers, index -> new PaperIndexWriter(index, stored));
        PaperIndex first = replicas.first();
        PaperIndex second = replicas.second();

        VectorCentre centre = first.centres().of(model);
        assertThat(centre.isActive()).isTrue();
        assertThat(centre.basis()).isEqualTo(VectorCentre.MIN_PAPERS);
        assertThat(second.centres().of(model).sameAs(centre)).as("the second replica's mean is the first's").isTrue();
        assertThat(stored.takenFrom(model, VectorCentre.MIN_PAPERS)).hasValueSatisfying(
                shared -> assertThat(shared.sameAs(centre)).isTrue());

        Map<String, Float> onFirst = scoresNear(first, papers.get(3));
        Map<String, Float> onSecond = scoresNear(second, papers.get(3));
        assertThat(onSecond.keySet()).isEqualTo(onFirst.keySet()).hasSize(59);
        onFirst.forEach((paperId, score) -> assertThat(onSecond.get(paperId)).as(paperId).isCloseTo(score, within(1e-6f)));
    }

    /** The same two orders without sharing: what the replicas served before, and what the test above would catch. */
    @Test
    void withoutSharingTheTwoOrdersGiveTwoMeans() {
        String model = newModel();
        Replicas replicas = indexInTwoOrders(papers(model, 60), PaperIndexWriter::new);
        PaperIndex first = replicas.first();
        PaperIndex second = replicas.second();

        assertThat(first.centres().of(model).isActive()).isTrue();
        assertThat(second.centres().of(model).sameAs(first.centres().of(model))).isFalse();
        assertThat(stored.takenFrom(model, 0)).isEmpty();
    }

    @Test
    void aReplicaThatTookItsOwnMeanComesRoundToTheSharedOneAtItsNextWrite() {
        String model = newModel();
        List<PaperEvent> papers = papers(model, 61);
        PaperIndex sharing = newIndex();
        writeOneByOne(new PaperIndexWriter(sharing, stored), papers.subList(0, 60));
        PaperIndex own = newIndex();
        writeOneByOne(new PaperIndexWriter(own), papers.subList(0, 60).reversed());
        assertThat(own.centres().of(model).sameAs(sharing.centres().of(model))).isFalse();

        // The replica restarts with sharing (a new writer over the same index) and indexes one more paper.
        new PaperIndexWriter(own, stored).upsert(List.of(papers.get(60)));

        assertThat(own.centres().of(model).sameAs(sharing.centres().of(model))).isTrue();
        Map<String, PaperEvent> whole = new PaperIndexReader(own).getAll(papers.stream().map(PaperEvent::paperId).toList());
        for (PaperEvent paper : papers) {
            assertThat(whole.get(paper.paperId()).embedding().vector()).as("given back as embedded")
                    .containsExactly(paper.embedding().vector(), within(1e-5f));
        }
    }

    /**
     * A replica that took its own mean from more papers while the database was away shares it when the database is
     * back, and a replica on the older shared mean comes round to it at its next comparison.
     */
    @Test
    void aMeanFromMorePapersTakenWhileTheDatabaseWasAwayReachesTheOtherReplicas() {
        String model = newModel();
        List<PaperEvent> papers = papers(model, 1_002);
        PaperIndex first = newIndex();
        PaperIndexWriter firstWriter = new PaperIndexWriter(first, stored, Duration.ZERO);
        writeOneByOne(firstWriter, papers.subList(0, VectorCentre.MIN_PAPERS));
        VectorCentre olderShared = first.centres().of(model);
        assertThat(olderShared.basis()).isEqualTo(VectorCentre.MIN_PAPERS);

        // The other replica, its database away, takes its own mean of 1,000 papers, then is written to again.
        PaperIndex second = newIndex();
        new PaperIndexWriter(second).upsert(papers.subList(0, 1_000));
        VectorCentre ofMore = second.centres().of(model);
        assertThat(ofMore.basis()).isEqualTo(1_000);
        new PaperIndexWriter(second, stored).upsert(List.of(papers.get(1_000)));
        assertThat(second.centres().of(model).sameAs(ofMore)).isTrue();
        assertThat(stored.takenFrom(model, 1_000)).as("shared once the database is back").isPresent();

        firstWriter.upsert(List.of(papers.get(1_001)));
        assertThat(first.centres().of(model).sameAs(ofMore)).as("the first replica comes round").isTrue();
    }

    @Test
    void aNewReplicaCentresOnTheSharedMeanFromItsFirstPaper() {
        String model = newModel();
        List<PaperEvent> papers = papers(model, 60);
        PaperIndex first = newIndex();
        writeOneByOne(new PaperIndexWriter(first, stored), papers);

        PaperIndex fresh = newIndex();
        new PaperIndexWriter(fresh, stored).upsert(List.of(papers.get(7)));

        assertThat(fresh.centres().of(model).sameAs(first.centres().of(model))).isTrue();
    }

    @Test
    void aMeanFromMorePapersReplacesTheSharedOneAndOneFromFewerDoesNot() {
        String model = newModel();
        VectorCentre fifty = new VectorCentre(new float[] {0.1f, 0.2f, 0.9f}, model, 50);
        VectorCentre fiftyOther = new VectorCentre(new float[] {0.3f, 0.0f, 0.9f}, model, 50);
        VectorCentre thousand = new VectorCentre(new float[] {0.2f, 0.1f, 0.9f}, model, 1_000);

        assertThat(stored.offer(fifty).sameAs(fifty)).isTrue();
        assertThat(stored.offer(fiftyOther).sameAs(fifty)).as("the first of two equal takings stays").isTrue();
        assertThat(stored.offer(thousand).sameAs(thousand)).isTrue();
        assertThat(stored.offer(fifty).sameAs(thousand)).as("never back to fewer papers").isTrue();
        assertThat(stored.takenFrom(model, 1_000)).isPresent();
        assertThat(stored.takenFrom(model, 1_001)).isEmpty();
        assertThat(stored.offer(VectorCentre.none(model)).isActive()).as("nothing to share").isFalse();
    }

    /** A database that cannot be asked leaves the index to take its own mean, as one index alone does. */
    @Test
    void whileTheDatabaseCannotBeAskedTheIndexTakesItsOwnMean() {
        String model = newModel();
        SharedCentres unreachable = new SharedCentres() {
            @Override
            public VectorCentre offer(VectorCentre centre) {
                throw new IllegalStateException("database unreachable");
            }

            @Override
            public Optional<VectorCentre> takenFrom(String m, int papers) {
                throw new IllegalStateException("database unreachable");
            }
        };
        List<PaperEvent> papers = papers(model, 60);
        PaperIndex alone = newIndex();
        PaperIndex cut = newIndex();
        writeOneByOne(new PaperIndexWriter(alone), papers);
        writeOneByOne(new PaperIndexWriter(cut, unreachable), papers);

        assertThat(cut.centres().of(model).isActive()).isTrue();
        assertThat(cut.centres().of(model).sameAs(alone.centres().of(model))).isTrue();
    }
}
