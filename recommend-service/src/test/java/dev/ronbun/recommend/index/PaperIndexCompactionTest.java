package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.TestPapers;
import dev.ronbun.recommend.ranking.RankingSettings;
import dev.ronbun.recommend.ranking.RelatedPapers;
import dev.ronbun.recommend.ranking.Recommendation;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PaperIndexWriter#compact}: what a full replay does before it reports done. */
class PaperIndexCompactionTest {

    private static final List<String> TOPICS = List.of("拡散モデル", "注意機構", "量子化", "強化学習", "検索", "蒸留");

    private PaperIndex index;
    private PaperIndexWriter writer;
    private PaperIndexReader reader;
    private PaperCandidates candidates;
    private List<PaperEvent> papers;

    @BeforeEach
    void indexInSeveralSegments() {
        index = PaperIndex.inMemory(IndexSettings.DEFAULTS);
        writer = new PaperIndexWriter(index);
        reader = new PaperIndexReader(index);
        candidates = new PaperCandidates(index);
        papers = IntStream.range(0, 120).mapToObj(PaperIndexCompactionTest::paper).toList();
        for (int from = 0; from < papers.size(); from += 20) {
            writer.upsert(papers.subList(from, from + 20)); // each upsert commits: one segment apiece
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void mergesIntoTheAskedNumberOfSegmentsAndRanksExactlyAsBefore() {
        assertThat(reader.segments()).isGreaterThan(1);
        List<List<String>> before = relatedOfTheFirstPapers();
        List<String> nearestBefore = nearestToPaperSeven();
        long generationBefore = reader.generation();

        writer.compact(1);

        assertThat(reader.segments()).isEqualTo(1);
        assertThat(reader.size()).isEqualTo(papers.size());
        assertThat(reader.generation()).isGreaterThan(generationBefore);
        assertThat(relatedOfTheFirstPapers()).isEqualTo(before);
        assertThat(nearestToPaperSeven()).isEqualTo(nearestBefore).contains(papers.get(7).paperId());
    }

    @Test
    void keepsTakingPapersAfterTheMergeInNewSegments() {
        writer.compact(1);
        PaperEvent late = paper(500);

        writer.upsert(List.of(late));

        assertThat(reader.listing(late.paperId())).isPresent();
        assertThat(reader.segments()).isEqualTo(2);
    }

    /** Papers on two of six topics each, with a vector leaning the same way. */
    private static PaperEvent paper(int i) {
        String first = TOPICS.get(i % TOPICS.size());
        String second = TOPICS.get((i / TOPICS.size()) % TOPICS.size());
        return TestPapers.paper("c:" + i, "Paper " + i + " on " + first)
                .keywords(first, second)
                .text(first + "と" + second + "についての論文 " + i + "。" + first + "を改良する。")
                .vector(1 + i % 6, 1 + (i / 6) % 6, 1 + i % 7)
                .build();
    }

    private List<String> nearestToPaperSeven() {
        float[] query = reader.centre().centred(papers.get(7).embedding().vector());
        return candidates.nearest(query, 5, null, Set.of()).stream().map(ScoredPaper::paperId).sorted().toList();
    }

    /**
     * Related work with every paper a candidate: this corpus has many equal scores, and at a candidate depth short of
     * the corpus, which of the tied papers at its edge get in follows document order, which a merge may change.
     */
    private List<List<String>> relatedOfTheFirstPapers() {
        RankingSettings d = RankingSettings.DEFAULTS;
        RelatedPapers related = new RelatedPapers(candidates, new RankingSettings(d.fusion(), papers.size(),
                d.mmrLambda(), d.maxInterests(), d.recencyHalfLife(), d.dismissPenalty(), d.diversify(),
                d.charGramWeight(), d.readerCharGramWeight(), d.relatedMmrLambda(), d.mutual()));
        return papers.subList(0, 10).stream()
                .map(paper -> related.relatedTo(paper.paperId(), 5).orElseThrow().stream()
                        .map(Recommendation::paper).map(PaperEvent::paperId).toList())
                .toList();
    }
}
