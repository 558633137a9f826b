package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.TestPapers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelatedWhyTest {

    @Test
    void tagsBothWritersGaveComeFirstAmongTheSharedConcepts() {
        PaperEvent source = TestPapers.paper("title:a", "A").tags("NLP", "RAG").keywords("検索").build();
        PaperEvent other = TestPapers.paper("title:b", "B").tags("rag", "音声").keywords("検索").build();

        assertThat(Explanations.related(source, other, List.of())).startsWith("「rag」「検索」を共有しています");
    }

    @Test
    void sharedConceptsNeverIncludeGenericWords() {
        PaperEvent source = paper("a", "notes-a.txt", "Aoi",
                Map.of("論文", 3.0, "議論", 2.5, "知識蒸留", 2.0, "画像超解像", 1.8, "alpha", 4.0));
        PaperEvent other = paper("b", "notes-b.txt", "Ken",
                Map.of("論文", 3.0, "議論", 2.0, "知識蒸留", 2.2, "画像超解像", 1.5, "alpha", 4.0));

        String why = Explanations.related(source, other, List.of("小さな", "論文", "蒸留", "行う"));

        assertThat(why).isEqualTo("「知識蒸留」「画像超解像」を共有しています");
    }

    @Test
    void theConceptRarestForBothPapersComesFirst() {
        PaperEvent source = paper("a", "x.txt", null, Map.of("拡散モデル", 1.0, "蒸留サンプリング", 5.0));
        PaperEvent other = paper("b", "y.txt", null, Map.of("拡散モデル", 1.2, "蒸留サンプリング", 4.0));

        assertThat(Explanations.related(source, other, List.of())).startsWith("「蒸留サンプリング」「拡散モデル」");
    }

    @Test
    void anEnglishTermAppearsOnlyAsTheTermItself() {
        PaperEvent source = paper("a", "x.txt", null, Map.of("knowledge distillation", 3.0));
        PaperEvent other = paper("b", "y.txt", null, Map.of("knowledge distillation", 2.0));

        String why = Explanations.related(source, other, List.of());

        assertThat(why).isEqualTo("「knowledge distillation」を共有しています");
        assertThat(outsideQuotes(why)).doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void theSameSeriesOrPresenterComesAfterTheSharedConcepts() {
        PaperEvent source = paper("a", "weekly-pickup-12.txt", "Aoi", Map.of("拡散モデル", 2.0));
        PaperEvent sameSeries = paper("b", "weekly-pickup-13.txt", "Ken", Map.of("拡散モデル", 2.0));
        PaperEvent samePresenter = paper("c", "study-group-notes-2026-01-13.txt", "Aoi", Map.of("音声認識", 2.0));

        assertThat(Explanations.related(source, sameSeries, List.of()))
                .isEqualTo("「拡散モデル」を共有しています。同じシリーズ「weekly-pickup」で紹介されています");
        assertThat(Explanations.related(source, samePresenter, List.of())).isEqualTo("同じ発表者（Aoi）が紹介しています");
    }

    @Test
    void withNoSharedReasonClosenessInMeaningExplainsIt() {
        PaperEvent source = paper("a", "roformer-notes.md", "Aoi", Map.of("位置埋め込み", 2.0));
        PaperEvent other = paper("b", "dialogue-whisper.txt", "Ken", Map.of("音声認識", 2.0));

        assertThat(Explanations.related(source, other, List.of("論文"))).isEqualTo("内容が近い論文です");
    }

    @Test
    void nextToReadAndOtherReasonsAreInJapaneseOnly() {
        assertThat(List.of(Explanations.namedAsNextToRead(), Explanations.namesThisAsNextToRead(),
                Explanations.widelyRead(3), Explanations.newPaper(Instant.parse("2026-01-13T00:00:00Z")),
                Explanations.semanticMatch(), Explanations.becauseYouFollow("知識蒸留")))
                .allSatisfy(why -> assertThat(outsideQuotes(why)).doesNotContainPattern("[A-Za-z]"));
    }

    @Test
    void aSeriesIsTheDocumentNameWithoutItsNumbers() {
        assertThat(Explanations.series("weekly-pickup-35.txt")).isEqualTo("weekly-pickup");
        assertThat(Explanations.series("study-group-notes-2025-09-30.txt")).isEqualTo("study-group-notes");
        assertThat(Explanations.series("2026-02-20.md")).isEmpty();
        assertThat(Explanations.series(null)).isEmpty();
    }

    private static String outsideQuotes(String why) {
        return why.replaceAll("「[^」]*」", "");
    }

    private static PaperEvent paper(String key, String documentName, String presenter, Map<String, Double> keywords) {
        PaperSummary summary = new PaperSummary(key + "#0", key.repeat(64).substring(0, 64), documentName,
                "structured-summary", presenter, null, "要約", List.of(), "本文");
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, key, "title:" + key, key, null, null, List.of(), List.of(),
                "paper", List.of(summary),
                keywords.entrySet().stream().map(e -> new Keyword(e.getKey(), e.getValue())).toList(),
                new PaperEmbedding("m", "v1", new float[] {1, 0, 0}), Instant.EPOCH, Instant.EPOCH, List.of(),
                List.of());
    }
}
