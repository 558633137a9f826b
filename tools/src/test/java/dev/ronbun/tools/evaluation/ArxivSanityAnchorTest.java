package dev.ronbun.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.Reference;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArxivSanityAnchorTest {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    private static final List<PaperEvent> PAPERS = List.of(
            paper("distil-a", "DistilBERT", "知識蒸留で教師モデルの出力を生徒モデルが真似る。", "全文: 事前学習の段階で蒸留する。"),
            paper("distil-b", "TinyBERT", "教師モデルの中間層まで生徒モデルに知識蒸留する。", "全文: 二段階で蒸留する。"),
            paper("distil-c", "MiniLM", "教師モデルの注意の分布を生徒モデルに蒸留する。", "全文: 最終層の注意を真似る。"),
            paper("speech-a", "Whisper", "大規模な弱教師あり学習で音声認識を頑健にする。", "全文: 68万時間の音声で学習する。"),
            paper("speech-b", "wav2vec 2.0", "ラベルなし音声の自己教師あり学習で音声認識を少ないラベルで学ぶ。", "全文: 量子化した表現を当てる。"),
            paper("diffusion", "DDPM", "ノイズを少しずつ取り除いて画像を生成する拡散モデル。", "全文: 変分下界を単純にする。"));

    @Test
    void relatedPapersAreTheOnesSharingTheMostCharacterNgrams() {
        ArxivSanityAnchor anchor = new ArxivSanityAnchor(PAPERS, ArxivSanityAnchor.Reading.SUMMARIES);

        List<String> related = anchor.related(id("distil-a"), 3);

        assertThat(related).doesNotContain(id("distil-a"));
        assertThat(related.subList(0, 2)).containsExactlyInAnyOrder(id("distil-b"), id("distil-c"));
    }

    @Test
    void aReadersSvmRanksTheUnreadPaperOfTheirInterestFirst() {
        ArxivSanityAnchor anchor = new ArxivSanityAnchor(PAPERS, ArxivSanityAnchor.Reading.SUMMARIES);

        List<String> recommended = anchor.recommend(List.of(id("distil-a"), id("distil-b")), 4);

        assertThat(recommended).hasSize(4).doesNotContain(id("distil-a"), id("distil-b"));
        assertThat(recommended.getFirst()).isEqualTo(id("distil-c"));
    }

    @Test
    void readsTheShortSummaryOrTheFullTextBesideTheTitles() {
        PaperEvent paper = PAPERS.getFirst();

        assertThat(ArxivSanityAnchor.text(paper, ArxivSanityAnchor.Reading.SUMMARIES))
                .contains("DistilBERT", "知識蒸留で教師モデル").doesNotContain("全文");
        assertThat(ArxivSanityAnchor.text(paper, ArxivSanityAnchor.Reading.FULL_TEXT))
                .contains("DistilBERT", "全文: 事前学習").doesNotContain("知識蒸留で教師モデル");
    }

    @Test
    void tagsAndLinksRelatePapersSharingATagAndAPaperWithTheOneItNamesAsNextToRead() {
        PaperEvent tagged = withTagsAndReferences(PAPERS.get(0), List.of("蒸留", "BERT"), List.of(
                new Reference("MiniLM", null, null), new Reference("Not Among The Papers", "2401.00001", null)));
        PaperEvent alsoTagged = withTagsAndReferences(PAPERS.get(1), List.of("蒸留 "), List.of());
        PaperEvent lonelyTag = withTagsAndReferences(PAPERS.get(3), List.of("音声"), List.of());

        LabelSet set = LabelSet.tagsAndLinks(List.of(tagged, alsoTagged, PAPERS.get(2), lonelyTag, PAPERS.get(4)));

        assertThat(set.role()).isEqualTo(LabelSet.Role.REPORT);
        assertThat(set.labels().topics()).extracting(LabelledTopics.Topic::name)
                .containsExactly("tag: 蒸留", "next to read: DistilBERT -> MiniLM");
        assertThat(set.labels().topics().getFirst().items()).extracting(LabelledTopics.Item::title)
                .containsExactly("DistilBERT", "TinyBERT");
    }

    @Test
    void topicsSplitIntoATuningAndAReportHalf() {
        LabelledTopics labels = new LabelledTopics(List.of(
                new LabelledTopics.Topic("a", List.of(), "tune"),
                new LabelledTopics.Topic("b", List.of(), "report"),
                new LabelledTopics.Topic("c", List.of(), null)));

        List<LabelSet> sets = LabelSet.splitTopics("topics", labels);

        assertThat(sets).extracting(LabelSet::name).containsExactly("topics/tune", "topics/report");
        assertThat(sets).extracting(LabelSet::role).containsExactly(LabelSet.Role.TUNE, LabelSet.Role.REPORT);
        assertThat(sets.get(1).labels().topics()).extracting(LabelledTopics.Topic::name).containsExactly("b", "c");
    }

    private static String id(String key) {
        return PaperIdentity.paperId("title:" + key);
    }

    private static PaperEvent paper(String key, String title, String summary, String body) {
        PaperSummary s = new PaperSummary(key + "#0", "doc", "doc.md", "structured-summary", null, null, summary,
                List.of(), body);
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, id(key), "title:" + key, title, null, null, List.of(),
                List.of(), "paper", List.of(s), List.of(), null, NOW, NOW);
    }

    private static PaperEvent withTagsAndReferences(PaperEvent p, List<String> tags, List<Reference> references) {
        return new PaperEvent(p.schemaVersion(), p.paperId(), p.paperKey(), p.title(), p.titleJa(), p.arxivId(),
                p.urls(), p.authors(), p.kind(), p.summaries(), p.keywords(), p.embedding(), p.firstSeenAt(),
                p.updatedAt(), tags, references);
    }
}
