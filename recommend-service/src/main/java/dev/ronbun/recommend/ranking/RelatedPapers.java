package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.SignalHits;
import dev.ronbun.recommend.index.UnitVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Related work for a paper: vector nearest neighbours and BM25 more-like-this, fused by the configured
 * {@link ScoreFusion} (every candidate with its cosine, see {@link CandidateCosines}) and diversified by maximal
 * marginal relevance, never the paper itself nor another record of the same work; each explained by the keywords it
 * shares with the paper.
 */
@ApplicationScoped
public class RelatedPapers {

    private final PaperCandidates candidates;
    private final RankingSettings settings;
    private final NextToRead nextToRead;

    public RelatedPapers(PaperCandidates candidates, RankingSettings settings) {
        this.candidates = candidates;
        this.settings = settings;
        this.nextToRead = new NextToRead(candidates);
    }

    /** Hybrid related work; empty when the paper is unknown. */
    public Optional<List<Recommendation>> relatedTo(String paperId, int k) {
        return candidates.listing(paperId).map(paper -> relatedTo(paper, k, RankingMode.HYBRID));
    }

    public List<Recommendation> relatedTo(PaperEvent source, int k, RankingMode mode) {
        int wanted = Math.max(settings.candidates(), 3 * k);
        SignalHits found = candidates.forPaper(source, wanted, mode.usesVectors(), mode.usesText());
        float[] vector = found.vector();
        Signals signals = Signals.of(found.byVector(), found.byText(), mode, settings.fusion(),
                found.oneModel() && vector.length > 0 ? vector : null,
                ids -> candidates.charGramCosines(List.of(source), ids), settings.charGramWeight());
        List<Candidate> pool = new ArrayList<>();
        for (Map.Entry<String, Double> entry : signals.relevance().entrySet()) {
            String id = entry.getKey();
            float[] candidateVector = signals.vectorOf(id);
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("vector", vector.length > 0 && vector.length == candidateVector.length
                    ? UnitVectors.similarity(vector, candidateVector) : 0.0);
            parts.put("bm25", signals.bm25(id));
            parts.put("chargram", signals.charGram(id));
            parts.put("fused", signals.fused(id));
            parts.put("match", signals.match(id));
            pool.add(new Candidate(id, candidateVector, entry.getValue(), parts, 0));
        }
        List<Selection> selected = settings.relatedMmr().select(pool, k + DistinctWorks.SPARE, null);
        Map<String, PaperEvent> papers = candidates.listings(
                selected.stream().map(s -> s.candidate().paperId()).toList());
        List<Recommendation> fused = selected.stream().filter(s -> papers.containsKey(s.candidate().paperId()))
                .map(s -> new Recommendation(papers.get(s.candidate().paperId()), s.score(), s.scoreParts(), null))
                .toList();
        List<Recommendation> shown = DistinctWorks.firstOfEach(linkedFirst(source, fused), k);
        List<String> telling = found.terms().stream().filter(Explanations::tellsAConcept).toList();
        Map<String, List<String>> shared = candidates.termsPresent(
                shown.stream().map(r -> r.paper().paperId()).toList(), telling);
        return shown.stream()
                .map(r -> r.why() != null ? r : new Recommendation(r.paper(), r.score(), r.scoreParts(),
                        Explanations.related(source, r.paper(), shared.getOrDefault(r.paper().paperId(), List.of()))))
                .toList();
    }

    /**
     * The papers the source names as next to read, then those that name it, ahead of the fused ranking, whatever text
     * and vectors say: the writer's own pointer is the strongest sign of related work there is. Each scores above
     * every fused paper, in that order, and says why it is there.
     */
    private List<Recommendation> linkedFirst(PaperEvent source, List<Recommendation> fused) {
        NextToRead.Links links = nextToRead.links(source);
        if (links.named().isEmpty() && links.naming().isEmpty()) {
            return fused;
        }
        LinkedHashMap<String, String> whyById = new LinkedHashMap<>();
        links.named().forEach(id -> whyById.putIfAbsent(id, Explanations.namedAsNextToRead()));
        links.naming().forEach(id -> whyById.putIfAbsent(id, Explanations.namesThisAsNextToRead()));
        Map<String, PaperEvent> papers = candidates.listings(whyById.keySet());
        double top = fused.stream().mapToDouble(Recommendation::score).max().orElse(0);
        List<Recommendation> ranked = new ArrayList<>();
        int place = 0;
        for (Map.Entry<String, String> link : whyById.entrySet()) {
            PaperEvent paper = papers.get(link.getKey());
            if (paper != null) {
                place++;
                double score = top + 1 + (double) (whyById.size() - place) / whyById.size();
                ranked.add(new Recommendation(paper, score, Map.of("reference", 1.0), link.getValue()));
            }
        }
        fused.stream().filter(r -> !whyById.containsKey(r.paper().paperId())).forEach(ranked::add);
        return ranked;
    }
}
