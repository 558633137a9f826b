package dev.ronbun.embed.keywords;

import dev.ronbun.infra.testing.SharedCorpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ronbun.contracts.events.Keyword;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfIdfRankerTest {

    private final KeywordExtractor extractor = new KeywordExtractor();
    private final TfIdfRanker ranker = new TfIdfRanker();

    /** The sixteen papers of the structured summaries, split at their "---" separators. */
    private final List<String> papers = Arrays.stream(SharedCorpus.read("paper-summaries-structured.md").split("\n---\n"))
            .filter(paper -> paper.contains("[View Paper]"))
            .toList();
    private final List<TermFrequencies> paperTerms = papers.stream().map(extractor::termFrequencies).toList();
    private final DocumentFrequencies corpus = DocumentFrequencies.of(paperTerms);

    @Test
    void ranksATermFrequentInOnePaperButRareInTheCorpusAboveATermCommonToAllPapers() {
        TermFrequencies vamba = termsOfPaperTitled("# Vamba");
        String commonToAll = mostFrequentTermInEveryPaper(vamba);

        List<String> ranked = terms(ranker.topKeywords(vamba, corpus, vamba.counts().size()));

        assertThat(papers).hasSize(16);
        assertThat(corpus.documentFrequency("mamba")).isLessThan(corpus.documentCount() / 4);
        assertThat(ranked.indexOf("mamba")).isNotNegative().isLessThan(ranked.indexOf(commonToAll));
    }

    @Test
    void ranksATermOnlyOnePaperHasAboveAnUbiquitousTermEvenWhenItOccursLessOften() {
        TermFrequencies vamba = termsOfPaperTitled("# Vamba");
        String commonToAll = mostFrequentTermInEveryPaper(vamba);
        String onlyHere = vamba.counts().keySet().stream()
                .filter(term -> corpus.documentFrequency(term) == 1)
                .filter(term -> vamba.count(term) < vamba.count(commonToAll))
                .max(Comparator.comparingInt(vamba::count))
                .orElseThrow();

        List<String> ranked = terms(ranker.topKeywords(vamba, corpus, vamba.counts().size()));

        assertThat(ranked.indexOf(onlyHere)).isLessThan(ranked.indexOf(commonToAll));
    }

    @Test
    void topKeywordsOfAPaperNameItsSubject() {
        TermFrequencies vamba = termsOfPaperTitled("# Vamba");
        TermFrequencies docling = termsOfPaperTitled("# SmolDocling");

        assertThat(terms(ranker.topKeywords(vamba, corpus, 10))).containsAnyOf("mamba", "mamba-2");
        assertThat(terms(ranker.topKeywords(docling, corpus, 10))).contains("doctags");
    }

    @Test
    void returnsAtMostTheRequestedNumberOfKeywordsBestFirst() {
        List<Keyword> top = ranker.topKeywords(termsOfPaperTitled("# VGGT"), corpus, 5);

        assertThat(top).hasSize(5).isSortedAccordingTo(Comparator.comparingDouble(Keyword::weight).reversed());
        assertThat(top).allSatisfy(keyword -> assertThat(keyword.weight()).isPositive());
    }

    @Test
    void weighsRepeatedTermsLogarithmically() {
        double once = TfIdfRanker.weight(1, 3, 16);
        double tenTimes = TfIdfRanker.weight(10, 3, 16);

        assertThat(tenTimes / once).isCloseTo(1 + Math.log(10), within(1e-9));
    }

    @Test
    void keepsTermsUnseenInTheCorpusFiniteAndTermsInEveryPaperPositive() {
        assertThat(TfIdfRanker.weight(1, 0, 0)).isFinite().isPositive();
        assertThat(TfIdfRanker.weight(1, 0, 16)).isCloseTo(1 + Math.log(17), within(1e-9));
        assertThat(TfIdfRanker.weight(1, 16, 16)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void breaksWeightTiesByTerm() {
        TermFrequencies paper = new TermFrequencies(Map.of("rag", 1, "lora", 1, "dpo", 1));

        List<Keyword> top = ranker.topKeywords(paper, DocumentFrequencies.of(List.of(paper)), 3);

        assertThat(terms(top)).containsExactly("dpo", "lora", "rag");
    }

    private TermFrequencies termsOfPaperTitled(String heading) {
        for (int i = 0; i < papers.size(); i++) {
            if (papers.get(i).strip().startsWith(heading)) {
                return paperTerms.get(i);
            }
        }
        throw new AssertionError("No paper starts with " + heading);
    }

    private String mostFrequentTermInEveryPaper(TermFrequencies paper) {
        return paper.counts().keySet().stream()
                .filter(term -> corpus.documentFrequency(term) == corpus.documentCount())
                .max(Comparator.comparingInt(paper::count))
                .orElseThrow();
    }

    private static List<String> terms(List<Keyword> keywords) {
        return keywords.stream().map(Keyword::term).toList();
    }
}
