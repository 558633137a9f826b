package dev.ronbun.recommend.index;

import static dev.ronbun.recommend.TestPapers.paper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.text.JapaneseAnalyzers;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SearchSnippetsTest {

    private static final Analyzer ANALYZER = JapaneseAnalyzers.queryAnalyzer();
    private static final SearchSnippets SNIPPETS = new SearchSnippets(ANALYZER, 60);

    private static final PaperEvent DISTILLATION = paper("snippets:kd", "Distilling the Knowledge in a Neural Network")
            .titleJa("ニューラルネットワークの知識の蒸留")
            .text("大きな教師モデルの出力分布を小さな生徒モデルに学ばせる。温度付きソフトマックスで柔らかいラベルを作り、"
                    + "蒸留した生徒は教師に近い精度を保つ。拡散モデルの蒸留にも広く使われる手法である。"
                    + "この段落は検索語と関係のない長い説明を続けて、スニペットが必要な部分だけを切り出すことを確かめる。")
            .build();

    @AfterAll
    static void closeAnalyzer() {
        ANALYZER.close();
    }

    @Test
    void marksTheQueryTermsInTheTitleAndTheSummaryAsRangesOfPlainText() {
        List<Snippet> snippets = SNIPPETS.of(DISTILLATION, terms("蒸留"));

        assertThat(snippets).extracting(Snippet::field).startsWith("title").contains("summary");
        for (Snippet snippet : snippets) {
            assertThat(snippet.marks()).isNotEmpty();
            assertThat(snippet.marks()).allSatisfy(mark ->
                    assertThat(snippet.text().substring(mark.start(), mark.end())).isEqualTo("蒸留"));
        }
    }

    @Test
    void anEnglishTermIsMarkedWhateverItsCase() {
        Snippet title = SNIPPETS.of(DISTILLATION, terms("knowledge")).getFirst();

        assertThat(title.field()).isEqualTo("title");
        Snippet.Mark mark = title.marks().getFirst();
        assertThat(title.text().substring(mark.start(), mark.end())).isEqualTo("Knowledge");
    }

    @Test
    void partsOfACompoundSplitByTheAnalyserAreMarkedAsOne() {
        Snippet summary = SNIPPETS.of(DISTILLATION, terms("拡散モデル")).stream()
                .filter(s -> s.field().equals("summary")).findFirst().orElseThrow();

        assertThat(summary.marks()).extracting(m -> summary.text().substring(m.start(), m.end()))
                .contains("拡散モデル");
    }

    @Test
    void aLongSummaryIsCutNearItsMatchAndAPaperWithoutTheTermsHasNoSnippet() {
        Snippet summary = SNIPPETS.of(DISTILLATION, terms("温度付きソフトマックス")).stream()
                .filter(s -> s.field().equals("summary")).findFirst().orElseThrow();

        assertThat(summary.text().length()).isLessThan(DISTILLATION.summaries().getFirst().summary().length());
        assertThat(SNIPPETS.of(DISTILLATION, terms("音声認識"))).isEmpty();
    }

    private static List<String> terms(String query) {
        return JapaneseAnalyzers.tokens(ANALYZER, query);
    }
}
