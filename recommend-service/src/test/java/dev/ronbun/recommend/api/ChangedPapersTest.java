package dev.ronbun.recommend.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexReader;
import dev.ronbun.recommend.index.PaperIndexWriter;
import dev.ronbun.recommend.pipeline.PapersChanged;
import dev.ronbun.recommend.ranking.RankingMode;
import dev.ronbun.recommend.ranking.RankingSettings;
import dev.ronbun.recommend.ranking.RelatedPapers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write to the index marks as changed only what it can change: a new paper far from a cached list leaves it
 * fresh, and so does a new neighbour of a paper the list merely shows; one near the list's paper, a removed listed
 * paper, a new neighbour of a paper a reader read, a replay, each make it stale. Three topics of four papers each, by
 * vector and by words; three neighbours count.
 */
class ChangedPapersTest {

    private static final int NEIGHBOURS = 3;

    private PaperIndex lucene;
    private PaperIndexReader index;
    private PaperIndexWriter writer;
    private PaperCandidates candidates;
    private RelatedPapers related;
    private ChangedPapers changes;
    private long generation;
    private boolean anythingCached = true;
    /** The marking thread's CPU time as the tests let it pass. */
    private final AtomicLong cpuNanos = new AtomicLong();

    @BeforeEach
    void index() {
        lucene = PaperIndex.inMemory(IndexSettings.DEFAULTS);
        index = new PaperIndexReader(lucene);
        writer = new PaperIndexWriter(lucene);
        candidates = new PaperCandidates(lucene);
        List<PaperEvent> papers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            papers.add(topic("diffusion", i, 1, 0, 0, "拡散モデルでノイズを除き画像を生成する。"));
            papers.add(topic("graphs", i, 0, 1, 0, "グラフニューラルネットワークで分子の性質を予測する。"));
            papers.add(topic("speech", i, 0, 0, 1, "音声認識で話し言葉を文字に起こす。"));
        }
        writer.upsert(papers);
        related = new RelatedPapers(candidates, RankingSettings.DEFAULTS);
        changes = changes(1.0, cpuNanos::get);
        generation = index.generation();
    }

    @AfterEach
    void close() {
        lucene.close();
    }

    @Test
    void aNewPaperFarFromACachedListLeavesItFreshAndOneNearItMakesItStale() {
        List<String> diffusionList = listOf("diffusion-0");

        write(topic("speech", 9, 0.02f, 0, 1, "音声認識で会議の録音を文字に起こす。"));
        assertThat(relatedUnchanged(generation, diffusionList)).as("a speech paper").isTrue();
        write(topic("graphs", 9, 0.02f, 1, 0, "グラフニューラルネットワークで結晶の性質を予測する。"));
        assertThat(relatedUnchanged(generation, diffusionList)).as("then a graphs paper").isTrue();

        write(topic("diffusion", 9, 1, 0.02f, 0, "拡散モデルでノイズを除き動画を生成する。"));
        assertThat(relatedUnchanged(generation, diffusionList)).as("a diffusion paper").isFalse();
        assertThat(relatedUnchanged(index.generation(), diffusionList))
                .as("a list computed after the write").isTrue();
    }

    @Test
    void aNewNeighbourOfAPaperAListOnlyShowsLeavesTheListFresh() {
        String speech = TestPapers.paper("t:speech-0", "x").id();
        String diffusion = TestPapers.paper("t:diffusion-0", "x").id();

        write(topic("speech", 9, 0.02f, 0, 1, "音声認識で会議の録音を文字に起こす。"));

        assertThat(unchanged(generation, List.of(diffusion), List.of(speech)))
                .as("a list ranked from a diffusion paper that shows a speech paper").isTrue();
        assertThat(changes.stalenessSince(generation, List.of(speech), List.of(diffusion)))
                .as("a list ranked from the speech paper: the new paper may belong in it, what it shows still holds")
                .isEqualTo(Staleness.NEW_NEIGHBOUR);
    }

    @Test
    void removingAListedPaperMakesTheListStale() {
        List<String> graphsList = listOf("graphs-0");
        String listed = graphsList.get(1);

        writer.delete(listed);
        changes.onChange(new PapersChanged(List.of(), List.of(listed), false, index.generation()));

        assertThat(relatedUnchanged(generation, graphsList)).isFalse();
        assertThat(changes.stalenessSince(generation, graphsList.subList(0, 1), graphsList.subList(1, 3)))
                .as("a removed paper is never served again").isEqualTo(Staleness.CHANGED);
        assertThat(relatedUnchanged(generation, listOf("speech-0"))).isTrue();
    }

    @Test
    void aNewNeighbourOfAPaperAReaderReadMakesTheirListStale() {
        List<String> read = List.of(0, 1, 2, 3).stream()
                .map(i -> TestPapers.paper("t:speech-" + i, "x").id()).toList();
        List<String> shown = listOf("graphs-0");
        assertThat(unchanged(generation, read, shown)).isTrue();

        write(topic("speech", 8, 0, 0.01f, 1, "音声認識で話し言葉を文字に起こす新しい方法。"));

        assertThat(unchanged(generation, read, shown)).isFalse();
    }

    @Test
    void withNothingCachedAWriteMovesTheFloorInsteadOfLookingForNeighbours() {
        List<String> speechList = listOf("speech-0");
        anythingCached = false;

        write(topic("diffusion", 9, 1, 0.02f, 0, "拡散モデルでノイズを除き動画を生成する。"));

        assertThat(relatedUnchanged(generation, speechList)).as("anything computed before the write").isFalse();
        assertThat(relatedUnchanged(index.generation(), speechList)).isTrue();
    }

    @Test
    void aBurstOfMarkingsWithinTheSavedUpBudgetIsMarkedPrecisely() {
        List<String> speechList = listOf("speech-0");
        // 10 ms of CPU saved up (a thousandth of 10 s); each marking costs 3 ms (its two readings 3 ms apart).
        changes = changes(1e-3, () -> cpuNanos.addAndGet(3_000_000));

        for (int i = 0; i < 4; i++) {
            write(topic("diffusion", 9 + i, 1, 0.02f * (i + 1), 0, "拡散モデルでノイズを除き動画を生成する。"));
        }
        assertThat(relatedUnchanged(generation, speechList)).as("four markings, 12 ms against 10 ms").isTrue();
        write(topic("diffusion", 13, 1, 0.1f, 0, "拡散モデルで音楽を生成する。"));
        assertThat(relatedUnchanged(generation, speechList)).as("the budget is spent: everything").isFalse();
    }

    @Test
    void aWriteAfterTheMarkingBudgetIsSpentChangesEverything() {
        List<String> speechList = listOf("speech-0");
        changes = changes(1e-6, () -> cpuNanos.addAndGet(1_000_000)); // each reading: 1 ms of CPU later

        write(topic("diffusion", 9, 1, 0.02f, 0, "拡散モデルでノイズを除き動画を生成する。"));
        assertThat(relatedUnchanged(generation, speechList)).as("marked precisely").isTrue();
        write(topic("diffusion", 10, 1, 0.03f, 0, "拡散モデルで音楽を生成する。"));
        assertThat(relatedUnchanged(generation, speechList)).as("over the share: everything").isFalse();
    }

    @Test
    void timeAMarkingSpendsWaitingForACoreDoesNotCountAgainstItsShare() {
        List<String> speechList = listOf("speech-0");
        changes = changes(1e-6, cpuNanos::get); // the searches take wall time, but the thread's CPU clock stands

        write(topic("diffusion", 9, 1, 0.02f, 0, "拡散モデルでノイズを除き動画を生成する。"));
        write(topic("diffusion", 10, 1, 0.03f, 0, "拡散モデルで音楽を生成する。"));

        assertThat(relatedUnchanged(generation, speechList)).as("both marked precisely").isTrue();
    }

    @Test
    void aReplayMakesEverythingStale() {
        List<String> speechList = listOf("speech-0");

        changes.onChange(new PapersChanged(List.of(), List.of(), true, generation + 1));

        assertThat(relatedUnchanged(generation, speechList)).isFalse();
        assertThat(relatedUnchanged(generation + 1, speechList)).isTrue();
    }

    private ChangedPapers changes(double markingShare, LongSupplier cpuClock) {
        return new ChangedPapers(index, candidates, NEIGHBOURS, Duration.ofMinutes(10), 10_000, markingShare,
                new SimpleMeterRegistry(), () -> anythingCached, cpuClock);
    }

    /** Whether nothing a result ranked from {@code rankedFrom} and showing {@code listed} depends on changed. */
    private boolean unchanged(long at, List<String> rankedFrom, List<String> listed) {
        return changes.stalenessSince(at, rankedFrom, listed) == Staleness.NONE;
    }

    /** Whether a related list (its own paper first, then the papers listed) computed at {@code at} still holds. */
    private boolean relatedUnchanged(long at, List<String> list) {
        return unchanged(at, list.subList(0, 1), list.subList(1, list.size()));
    }

    /** The list's own paper and the papers the served ranking lists for it, as a cached entry depends on them. */
    private List<String> listOf(String key) {
        PaperEvent paper = index.listing(TestPapers.paper("t:" + key, "x").id()).orElseThrow();
        List<String> ids = new ArrayList<>(List.of(paper.paperId()));
        related.relatedTo(paper, 3, RankingMode.HYBRID).forEach(r -> ids.add(r.paper().paperId()));
        return ids;
    }

    private void write(PaperEvent paper) {
        writer.upsert(List.of(paper));
        changes.onChange(new PapersChanged(List.of(paper), List.of(), false, index.generation()));
    }

    private static PaperEvent topic(String topic, int i, float a, float b, float c, String text) {
        return TestPapers.paper("t:" + topic + "-" + i, topic + " paper " + i).kind("changed-papers-test")
                .vector(a + 0.01f * i, b, c).keywords(text.substring(0, 4)).text(text).build();
    }
}
