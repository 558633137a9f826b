package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.index.PaperIndex;
import dev.ronbun.recommend.index.PaperQueries;
import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.index.TextMatches;
import dev.ronbun.recommend.index.UnitVectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * Related work for a paper: vector nearest neighbours and BM25 more-like-this, fused by the configured
 * {@link ScoreFusion} (every candidate with its cosine, see {@link CandidateCosines}) and diversified by maximal
 * marginal relevance, never the paper itself nor another record of the same work; each explained by the keywords it
 * shares with the paper.
 */
@ApplicationScoped
public class RelatedPapers {

    /** More records of one work than this are not expected; the exclusion takes at most this many. */
    private static final int MAX_SAME_WORK = 100;

    private final PaperIndex index;
    private final RankingSettings settings;
    private final NextToRead nextToRead;

    public RelatedPapers(PaperIndex index, RankingSettings settings) {
        this.index = index;
        this.settings = settings;
        this.nextToRead = new NextToRead(index);
    }

    /** Hybrid related work; empty when the paper is unknown. */
    public Optional<List<Recommendation>> relatedTo(String paperId, int k) {
        return index.listing(paperId).map(paper -> relatedTo(paper, k, RankingMode.HYBRID));
    }

    public List<Recommendation> relatedTo(PaperEvent source, int k, RankingMode mode) {
        Query sameWork = PaperQueries.sameWorkAs(List.of(source), List.of());
        Set<String> excluded = index.idsMatching(sameWork, MAX_SAME_WORK);
        int wanted = Math.max(settings.candidates(), 3 * k);
        String model = PaperDocuments.modelOf(source);
        float[] vector = index.centre(model).centred(source.embedding().vector());
        Query sameModel = index.modelRestriction(model).orElse(null);
        ConcurrentSearches.Pending<List<ScoredPaper>> vectorSearch = mode.usesVectors() && vector.length > 0
                ? ConcurrentSearches.start(() -> index.nearest(vector, wanted, sameModel, excluded))
                : ConcurrentSearches.Pending.done(List.of());
        TextMatches text = mode.usesText()
                ? index.moreLikeThis(List.of(source), wanted, null, excluded)
                : new TextMatches(index.interestingTerms(source), List.of());
        List<ScoredPaper> byVector = vectorSearch.result();
        List<ScoredPaper> byText = text.papers();

        Signals signals = Signals.of(byVector, byText, mode, settings.fusion(),
                sameModel == null && vector.length > 0 ? vector : null,
                ids -> index.charGramCosines(List.of(source), ids), settings.charGramWeight());
        List<Candidate> candidates = new ArrayList<>();
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
            candidates.add(new Candidate(id, candidateVector, entry.getValue(), parts, 0));
        }
        List<Selection> selected = settings.relatedMmr().select(candidates, k + DistinctWorks.SPARE, null);
        Map<String, PaperEvent> papers = index.listings(selected.stream().map(s -> s.candidate().paperId()).toList());
        List<Recommendation> fused = selected.stream().filter(s -> papers.containsKey(s.candidate().paperId()))
                .map(s -> new Recommendation(papers.get(s.candidate().paperId()), s.score(), s.scoreParts(), null))
                .toList();
        List<Recommendation> shown = DistinctWorks.firstOfEach(linkedFirst(source, fused), k);
        List<String> telling = text.terms().stream().filter(Explanations::tellsAConcept).toList();
        Map<String, List<String>> shared = index.termsPresent(
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
        Map<String, PaperEvent> papers = index.listings(whyById.keySet());
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
