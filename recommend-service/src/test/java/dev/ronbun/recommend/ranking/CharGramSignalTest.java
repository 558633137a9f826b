package dev.ronbun.recommend.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.recommend.index.IndexSettings;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperIndexWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The character n-gram TF-IDF signal of related papers: a near twin (the same work summarised again in other words)
 * comes first, and a paper whose only link to another is a Japanese and an English spelling of the same concepts is
 * found through the glossary.
 */
class CharGramSignalTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    /** Every paper points the same way: the vectors say nothing, so what ranks is the text. */
    private static final float[] SAME = {1f, 0f, 0f};

    @Test
    void aNearTwinIsTheMostRelatedPaper() {
        PaperEvent source = paper("a", "Sparse Mixture of Experts for Efficient Language Models",
                "We route each token to two of sixty-four experts, cutting training compute by four while keeping "
                        + "perplexity; a load-balancing loss keeps experts busy.");
        PaperEvent twin = paper("b", "Efficient language models with sparse mixtures of experts",
                "Each token is routed to two experts out of sixty-four; training compute falls fourfold at equal "
                        + "perplexity, and a balancing loss keeps the load even.");
        PaperEvent sameField = paper("c", "Scaling Laws for Dense Language Models",
                "Loss follows a power law in parameters, data and compute for dense transformer language models.");
        PaperEvent other = paper("d", "Whisper: Robust Speech Recognition",
                "A speech recognizer trained on 680,000 hours of weakly supervised audio transcribes many languages.");
        try (PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS)) {
            new PaperIndexWriter(index).upsert(List.of(source, twin, sameField, other));
            PaperCandidates candidates = new PaperCandidates(index);

            Map<String, Double> cosines = candidates.charGramCosines(List.of(source),
                    List.of(twin.paperId(), sameField.paperId(), other.paperId()));
            List<Recommendation> related = new RelatedPapers(candidates, RankingSettings.DEFAULTS.withDiversify(false))
                    .relatedTo(source, 3, RankingMode.CHARGRAM);

            assertThat(cosines.get(twin.paperId())).isGreaterThan(cosines.get(sameField.paperId()))
                    .isGreaterThan(0.5);
            assertThat(cosines.get(sameField.paperId())).isGreaterThan(cosines.get(other.paperId()));
            assertThat(related).extracting(r -> r.paper().paperId())
                    .containsExactly(twin.paperId(), sameField.paperId(), other.paperId());
            assertThat(related.getFirst().scoreParts()).containsKey("chargram");
        }
    }

    @Test
    void aKatakanaAndAnEnglishSpellingOfOneConceptLinkTwoPapers() {
        PaperEvent japanese = paper("ja", null, "エージェントの知識蒸留:大規模言語モデルから小さなエージェントへ");
        PaperEvent english = paper("en", "Agent Distillation",
                "Knowledge distillation of a large language model into a small agent.");
        PaperEvent unrelated = paper("other", "Point Cloud Registration",
                "Rigid alignment of lidar scans with learned correspondences.");
        try (PaperIndex index = PaperIndex.inMemory(IndexSettings.DEFAULTS)) {
            new PaperIndexWriter(index).upsert(List.of(japanese, english, unrelated));
            PaperCandidates candidates = new PaperCandidates(index);

            Map<String, Double> cosines = candidates.charGramCosines(List.of(japanese),
                    List.of(english.paperId(), unrelated.paperId()));
            List<Recommendation> related = new RelatedPapers(candidates, RankingSettings.DEFAULTS.withDiversify(false))
                    .relatedTo(japanese, 2, RankingMode.HYBRID);

            // without the glossary the two papers share no character at all: Japanese script against Latin letters
            assertThat(cosines.get(english.paperId())).isGreaterThan(0.3)
                    .isGreaterThan(2 * cosines.get(unrelated.paperId()));
            assertThat(related.getFirst().paper().paperId()).isEqualTo(english.paperId());
        }
    }

    private static PaperEvent paper(String key, String title, String summary) {
        PaperSummary only = new PaperSummary(key + "#0", "doc", "doc.md", "structured-summary", null, null, summary,
                List.of(), summary);
        return new PaperEvent(PaperEvent.SCHEMA_VERSION, PaperIdentity.paperId("title:" + key), "title:" + key,
                title, title == null ? summary.substring(0, 12) : null, null, List.of(), List.of(), "paper",
                List.of(only), List.of(), new PaperEmbedding("test", "v1", SAME), NOW, NOW);
    }
}
