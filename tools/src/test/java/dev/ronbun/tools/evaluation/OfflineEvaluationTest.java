package dev.ronbun.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.ranking.RankingSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The evaluation on a small synthetic labelled set: three topics of three papers, each topic with its own direction
 * in vector space and its own vocabulary, plus a fourth paper in the first topic recorded twice (once by arXiv id,
 * once by title only) and one unlabelled paper. Perfectly separable, so the expected metrics follow from arithmetic.
 */
class OfflineEvaluationTest {

    static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void separableTopicsScoreTheBestPossiblePrecisionHitRateAndNdcg() {
        List<PaperEvent> papers = new ArrayList<>();
        String[][] vocabulary = {
                {"拡散モデル", "ノイズ除去", "画像生成"},
                {"知識蒸留", "教師モデル", "生徒モデル"},
                {"音声認識", "書き起こし", "話者"}};
        List<LabelledTopics.Topic> topics = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            List<LabelledTopics.Item> items = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                String title = "Topic " + t + " paper " + p;
                String arxiv = "2601.0" + t + p + "00";
                papers.add(paper("arxiv:" + arxiv, title, arxiv, direction(t, p), vocabulary[t]));
                items.add(new LabelledTopics.Item(title, arxiv));
            }
            topics.add(new LabelledTopics.Topic("topic " + t, items));
        }
        // the same work twice: by arXiv id and, from a document without the link, by title; labelled once each
        papers.add(paper("arxiv:2601.09999", "Twice Recorded Work", "2601.09999", direction(0, 3), vocabulary[0]));
        papers.add(paper("title:twice recorded work", "Twice Recorded Work", null, direction(0, 4), vocabulary[0]));
        topics.set(0, new LabelledTopics.Topic("topic 0", concat(topics.get(0).items(),
                new LabelledTopics.Item("Twice Recorded Work", "2601.09999"),
                new LabelledTopics.Item("Twice recorded work!", null))));
        papers.add(paper("title:unlabelled", "Unlabelled", null, new float[] {0.5f, 0.5f, 0.5f, 0.5f},
                new String[] {"無関係"}));

        OfflineEvaluation.Report all = OfflineEvaluation.evaluate(papers,
                List.of(new LabelSet("synthetic", LabelSet.Role.REPORT, new LabelledTopics(topics))),
                RankingSettings.DEFAULTS);
        OfflineEvaluation.SetReport report = all.sets().getFirst();

        assertThat(all.papers()).isEqualTo(12);
        assertThat(all.works()).isEqualTo(11);
        assertThat(report.labelledWorks()).isEqualTo(10);
        assertThat(report.unmatched()).isEmpty();
        // topic 0 has 4 works (3 related each), topics 1 and 2 have 3 (2 related each): (4*3 + 6*2) / (10*5)
        assertThat(report.precisionAt5Ceiling()).isCloseTo(24.0 / 50, within(1e-9));
        Map<String, OfflineEvaluation.Result> results = report.results().stream()
                .collect(Collectors.toMap(OfflineEvaluation.Result::variant, Function.identity()));
        assertThat(results).containsOnlyKeys(OfflineEvaluation.ANCHOR, OfflineEvaluation.FULL_TEXT_ANCHOR,
                OfflineEvaluation.EXEMPLAR_ANCHOR, "vector", "bm25", "hybrid", "hybrid-no-mmr", "hybrid-rrf",
                "chargram");
        // the anchors read the topics' own words, so they separate them as well as the vectors do
        for (String variant : List.of(OfflineEvaluation.ANCHOR, OfflineEvaluation.FULL_TEXT_ANCHOR,
                OfflineEvaluation.EXEMPLAR_ANCHOR, "vector", "hybrid-no-mmr")) {
            OfflineEvaluation.Result result = results.get(variant);
            assertThat(result.relatedQueries()).isEqualTo(10);
            assertThat(result.precisionAt5().mean()).as(variant).isCloseTo(24.0 / 50, within(1e-9));
            assertThat(result.relatedMrr().mean()).as(variant).isCloseTo(1.0, within(1e-9));
            assertThat(result.readers()).isEqualTo(10);
            assertThat(result.hitRateAt10().mean()).as(variant).isEqualTo(1.0);
            // a perfect score has no spread: the interval collapses on it
            assertThat(result.hitRateAt10().low()).as(variant).isEqualTo(1.0);
        }
        for (String variant : List.of("vector", "hybrid-no-mmr")) {
            // the hidden paper is the best remaining one of its topic, so it comes first: nDCG 1
            assertThat(results.get(variant).ndcgAt10().mean()).as(variant).isCloseTo(1.0, within(1e-9));
            assertThat(results.get(variant).mrr().mean()).as(variant).isCloseTo(1.0, within(1e-9));
        }
        for (OfflineEvaluation.Result result : report.results()) {
            assertThat(result.precisionAt5().mean()).isBetween(0.0, report.precisionAt5Ceiling() + 1e-9);
            assertThat(result.precisionAt5().low()).isLessThanOrEqualTo(result.precisionAt5().mean());
            assertThat(result.precisionAt5().high()).isGreaterThanOrEqualTo(result.precisionAt5().mean());
            assertThat(result.hitRateAt10().mean()).isBetween(0.0, 1.0);
            assertThat(result.ndcgAt10().mean()).isBetween(0.0, result.hitRateAt10().mean() + 1e-9);
        }
        assertThat(report.versusAnchor()).extracting(OfflineEvaluation.Comparison::variant)
                .containsExactly("vector", "bm25", "hybrid", "hybrid-no-mmr", "hybrid-rrf", "chargram",
                        "vector", "bm25", "hybrid", "hybrid-no-mmr", "hybrid-rrf", "chargram",
                        "vector", "bm25", "hybrid", "hybrid-no-mmr", "hybrid-rrf", "chargram");
        assertThat(report.versusAnchor().getFirst().anchor()).isEqualTo(OfflineEvaluation.ANCHOR);
        assertThat(report.versusAnchor().getFirst().precisionRatio().mean()).isCloseTo(1.0, within(1e-9));
    }

    /** Topic t points along axis t; its papers lean slightly towards the fourth axis, differently each. */
    private static float[] direction(int topic, int paper) {
        float[] vector = new float[4];
        vector[topic] = 1f;
        vector[3] = 0.05f * (paper + 1);
        float norm = (float) Math.sqrt(1 + vector[3] * vector[3]);
        for (int i = 0; i < 4; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static PaperEvent paper(String key, String title, String arxiv, float[] vector, String[] words) {
        String text = String.join("と", words) + "について述べる。";
        PaperSummary summary = new PaperSummary(key + "#0", "doc", "doc.txt", "structured-summary", null, null, text,
                List.of(), text);
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, PaperIdentity.paperId(key), key, title, null, arxiv,
                List.of(), List.of(), "paper", List.of(summary),
                java.util.Arrays.stream(words).map(w -> new Keyword(w, 1.0)).toList(),
                new PaperEmbedding("synthetic", "v1", vector), NOW, NOW);
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> list, T... more) {
        List<T> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }
}
