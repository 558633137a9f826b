package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.SignalHits;
import dev.ronbun.recommend.index.UnitVectors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Related work for a paper: vector nearest neighbours and BM25 more-like-this, fused by the configured
 * {@link ScoreFusion} (every candidate with its cosine, see {@link CandidateCosines}) plus the character n-gram
 * cosine, a bonus for candidates that count the paper among their own closest (mutual neighbours), and diversified by
 * maximal marginal relevance, never the paper itself nor another record of the same work; each explained by the
 * keywords it shares with the paper.
 */
@ApplicationScoped
public class RelatedPapers {

    private final PaperCandidates candidates;
    private final RankingSettings settings;
    private final NextToRead nextToRead;
    private final OwnNeighbours ownNeighbours;

    /** Ranks every candidate's own neighbours afresh (offline evaluation, tests). */
    public RelatedPapers(PaperCandidates candidates, RankingSettings settings) {
        this(candidates, settings, OwnNeighbours.NONE);
    }

    @Inject
    public RelatedPapers(PaperCandidates candidates, RankingSettings settings, OwnNeighbours ownNeighbours) {
        this.candidates = candidates;
        this.settings = settings;
        this.nextToRead = new NextToRead(candidates);
        this.ownNeighbours = ownNeighbours;
    }

    /** Hybrid related work; empty when the paper is unknown. */
    public Optional<List<Recommendation>> relatedTo(String paperId, int k) {
        return candidates.listing(paperId).map(paper -> relatedTo(paper, k, RankingMode.HYBRID));
    }

    public List<Recommendation> relatedTo(PaperEvent source, int k, RankingMode mode) {
        SignalHits found = candidates.forPaper(source, Math.max(settings.candidates(), 3 * k), mode.usesVectors(),
                mode.usesText());
        float[] vector = found.vector();
        Signals signals = signals(source, found, mode);
        Map<String, Double> mutual = mode == RankingMode.HYBRID ? mutualBonus(source, found, signals) : Map.of();
        List<Candidate> pool = new ArrayList<>();
        for (Map.Entry<String, Double> entry : relevance(signals, mutual).entrySet()) {
            String id = entry.getKey();
            float[] candidateVector = signals.vectorOf(id);
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("vector", vector.length > 0 && vector.length == candidateVector.length
                    ? UnitVectors.similarity(vector, candidateVector) : 0.0);
            parts.put("bm25", signals.bm25(id));
            parts.put("chargram", signals.charGram(id));
            parts.put("mutual", mutual.getOrDefault(id, 0.0));
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

    private Signals signals(PaperEvent source, SignalHits found, RankingMode mode) {
        float[] vector = found.vector();
        return Signals.of(found.byVector(), found.byText(), mode, settings.fusion(),
                found.oneModel() && vector.length > 0 ? vector : null,
                ids -> candidates.charGramCosines(List.of(source), ids), settings.charGramWeight());
    }

    /** Fused scores plus the mutual bonus, scaled to [0, 1], best first; the signals' own relevance without a bonus. */
    private static Map<String, Double> relevance(Signals signals, Map<String, Double> mutual) {
        if (mutual.isEmpty()) {
            return signals.relevance();
        }
        Map<String, Double> boosted = new HashMap<>();
        signals.relevance().keySet().forEach(id -> boosted.put(id, signals.fused(id) + mutual.getOrDefault(id, 0.0)));
        return Signals.minMax(ScoreFusion.bestFirst(boosted));
    }

    /**
     * {@code weight / (1 + r)} for each of the best fused candidates whose own ranking has the source at place r
     * within the configured depth (a hub, close to everything, rarely has it). Chosen over a score-based hub correction
     * on the tuning labels (docs/benchmarks.md, "Mutual neighbours").
     */
    private Map<String, Double> mutualBonus(PaperEvent source, SignalHits found, Signals signals) {
        RankingSettings.Mutual mutual = settings.mutual();
        if (!mutual.on()) {
            return Map.of();
        }
        List<String> best = signals.relevance().keySet().stream().limit(mutual.candidates()).toList();
        Set<String> sourceWork = new HashSet<>(found.excluded());
        sourceWork.add(source.paperId());
        Map<String, Double> bonus = new HashMap<>();
        for (String id : best) {
            // the paper is read only when its neighbours are not kept
            List<String> own = ownNeighbours.of(id, () -> candidates.listing(id)
                    .map(paper -> closest(paper, mutual.depth())).orElse(List.of()));
            for (int place = 0; place < Math.min(mutual.depth(), own.size()); place++) {
                if (sourceWork.contains(own.get(place))) {
                    bonus.put(id, mutual.weight() / (1 + place));
                    break;
                }
            }
        }
        return bonus;
    }

    /**
     * The paper's own closest papers by fused score, best first: no links, no diversification, no bonus. Only the
     * first few count, so each signal is asked for three times as many rather than the full candidate depth (most of
     * a ranking's cost is comparing candidates' character n-grams).
     */
    private List<String> closest(PaperEvent paper, int depth) {
        SignalHits found = candidates.forPaper(paper, Math.min(settings.candidates(), 3 * depth), true, true);
        return signals(paper, found, RankingMode.HYBRID).relevance().keySet().stream().limit(depth).toList();
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
