package dev.ronbun.recommend.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.recommend.TestPapers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the index reads papers back for rankings: listings from doc values instead of whole stored events, and the
 * terms an explanation names from the postings instead of term vectors; each paper is written in its own commit so
 * that the reads cross segments.
 */
class PaperIndexReadsTest {

    private PaperIndex index;
    private PaperIndexReader reader;
    private PaperCandidates candidates;

    private static final PaperEvent DIFFUSION = withSection(TestPapers.paper("k:diffusion", "Denoising Diffusion")
            .titleJa("拡散モデル").arxiv("2006.11239").keywords("拡散モデル", "ノイズ除去")
            .text("拡散モデルはノイズ除去を繰り返して画像を生成する。").vector(1, 0, 0).build());
    private static final PaperEvent TRANSFORMER = TestPapers.paper("k:transformer", "Attention Is All You Need")
            .keywords("注意機構").text("注意機構だけで翻訳する。").vector(0, 1, 0).build();
    private static final PaperEvent RETRIEVAL = TestPapers.paper("k:retrieval", "Dense Retrieval")
            .keywords("検索").text("埋め込みで文書を検索し、注意機構で並べ替える。").vector(0, 0, 1).build();

    @BeforeEach
    void index() {
        index = PaperIndex.inMemory(IndexSettings.DEFAULTS);
        reader = new PaperIndexReader(index);
        candidates = new PaperCandidates(index);
        PaperIndexWriter writer = new PaperIndexWriter(index);
        for (PaperEvent paper : List.of(DIFFUSION, TRANSFORMER, RETRIEVAL)) {
            writer.upsert(List.of(paper));
        }
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void listingsKeepWhatListsShowAndLeaveOutBodiesAndSections() {
        Map<String, PaperEvent> listed = reader.listings(List.of(DIFFUSION.paperId(), TRANSFORMER.paperId(), "none"));

        assertThat(listed).containsOnlyKeys(DIFFUSION.paperId(), TRANSFORMER.paperId());
        PaperEvent diffusion = listed.get(DIFFUSION.paperId());
        assertThat(diffusion.title()).isEqualTo("Denoising Diffusion");
        assertThat(diffusion.titleJa()).isEqualTo("拡散モデル");
        assertThat(diffusion.arxivId()).isEqualTo("2006.11239");
        assertThat(diffusion.keywords()).isEqualTo(DIFFUSION.keywords());
        assertThat(diffusion.firstSeenAt()).isEqualTo(DIFFUSION.firstSeenAt());
        assertThat(diffusion.embedding().vector()).containsExactly(DIFFUSION.embedding().vector());
        PaperSummary summary = diffusion.summaries().getFirst();
        assertThat(summary.summary()).isEqualTo(DIFFUSION.summaries().getFirst().summary());
        assertThat(summary.presenter()).isEqualTo("Aoi");
        assertThat(summary.body()).isNull();
        assertThat(summary.sections()).isEmpty();
    }

    @Test
    void wholePapersStillCarryBodiesAndSections() {
        PaperEvent whole = reader.get(DIFFUSION.paperId()).orElseThrow();

        assertThat(whole.summaries().getFirst().body()).isEqualTo(DIFFUSION.summaries().getFirst().body());
        assertThat(whole.summaries().getFirst().sections()).extracting(Section::heading).containsExactly("手法");
        assertThat(whole.embedding().vector()).containsExactly(DIFFUSION.embedding().vector());
    }

    @Test
    void termsPresentNamesTheGivenTermsEachPaperUsesInTheGivenOrder() {
        Map<String, List<String>> present = candidates.termsPresent(
                List.of(DIFFUSION.paperId(), TRANSFORMER.paperId(), RETRIEVAL.paperId(), "none"),
                List.of("注意機構", "検索", "拡散モデル", "生成", "無関係"));

        assertThat(present).containsOnlyKeys(DIFFUSION.paperId(), TRANSFORMER.paperId(), RETRIEVAL.paperId());
        assertThat(present.get(DIFFUSION.paperId())).containsExactly("拡散モデル", "生成");
        assertThat(present.get(TRANSFORMER.paperId())).containsExactly("注意機構");
        assertThat(present.get(RETRIEVAL.paperId())).containsExactly("注意機構", "検索");
    }

    @Test
    void moreLikeThisWithoutAFilterSearchesEveryPaperTheSourceIncluded() {
        TextMatches matches = candidates.moreLikeThis(List.of(TRANSFORMER), 10, null, java.util.Set.of());

        // all three share the author's name; the retrieval paper also shares 注意機構
        assertThat(matches.papers()).extracting(ScoredPaper::paperId)
                .containsExactly(TRANSFORMER.paperId(), RETRIEVAL.paperId(), DIFFUSION.paperId());
    }

    private static PaperEvent withSection(PaperEvent paper) {
        PaperSummary s = paper.summaries().getFirst();
        PaperSummary withSection = new PaperSummary(s.summaryId(), s.documentId(), s.documentName(), s.format(),
                s.presenter(), s.sourceDate(), s.summary(), List.of(new Section("手法", "反復的なノイズ除去。")),
                s.body());
        return new PaperEvent(paper.schemaVersion(), paper.paperId(), paper.paperKey(), paper.title(),
                paper.titleJa(), paper.arxivId(), paper.urls(), paper.authors(), paper.kind(),
                List.of(withSection), paper.keywords(), paper.embedding(), paper.firstSeenAt(), paper.updatedAt());
    }
}
