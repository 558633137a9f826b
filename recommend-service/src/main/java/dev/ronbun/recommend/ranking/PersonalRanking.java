package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.ConcurrentSearches;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.index.PaperSet;
import dev.ronbun.recommend.index.ReaderScope;
import dev.ronbun.recommend.index.SignalHits;
import dev.ronbun.recommend.index.UnitVectors;
import dev.ronbun.recommend.index.VectorCentre;
import dev.ronbun.recommend.readers.PaperSignal;
import dev.ronbun.recommend.readers.ReaderProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Personal recommendations from a multi-interest profile. The reader's papers (weighted by what they did and how
 * recently) are clustered into a few interests, and each chosen keyword is an interest of its own. Each interest
 * finds candidates by vector kNN on its centroid and BM25 (more-like-this of its papers, or the keyword itself),
 * fused by the configured {@link ScoreFusion} with every candidate's centred cosine to the centroid (see
 * {@code PaperIndexReader.centre()}); candidates close to a dismissed paper are pushed down; maximal marginal
 * relevance with per-interest quotas then picks a list that covers the interests in proportion to their weight.
 * Whatever the reader has already interacted with (and other records of the same works) is never recommended.
 */
@ApplicationScoped
public class PersonalRanking {

    /** A history interest's more-like-this reads at most this many of its heaviest papers. */
    private static final int MLT_PAPERS = 5;

    private final PaperCandidates candidates;
    private final RankingSettings settings;
    private final Clock clock;

    public PersonalRanking(PaperCandidates candidates, RankingSettings settings, Clock clock) {
        this.candidates = candidates;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param keywordVectors  query vectors of the profile's keywords, where embed-service made them with the
     *                        index's current model; a keyword without one is searched by BM25 only
     * @param readersByPaper  recent reader counts, asked for only on a cold start
     * @param restriction     which papers may be recommended at all (filters, "new since"); null for all
     */
    public List<Recommendation> recommend(ReaderProfile profile, Map<String, float[]> keywordVectors,
                                          Supplier<Map<String, Integer>> readersByPaper, int k, PaperSet restriction,
                                          RankingMode mode) {
        Instant now = clock.instant();
        Optional<String> model = candidates.currentModel();
        List<String> seenIds = profile.signals().stream().map(PaperSignal::paperId).toList();
        Map<String, PaperEvent> seen = candidates.listings(seenIds);
        ReaderScope scope = candidates.readerScope(seen.values(), seenIds, restriction, model);

        Taste taste = tasteOf(profile, seen, keywordVectors, model, candidates.centre(), now);
        List<Interest> interests = taste.interests();
        List<float[]> dismissed = taste.dismissed();
        double heaviest = interests.stream().mapToDouble(Interest::weight).max().orElse(1);
        // the candidate budget is shared among the interests, but each may still fill the whole list
        int wanted = Math.max(3 * k, settings.candidates() / Math.max(1, interests.size()));
        List<Supplier<List<Candidate>>> searches = new ArrayList<>();
        for (int i = 0; i < interests.size(); i++) {
            int group = i;
            searches.add(() -> candidates(interests.get(group), group, heaviest, scope, dismissed, wanted, mode));
        }
        Map<String, Candidate> best = new HashMap<>();
        for (List<Candidate> found : ConcurrentSearches.all(searches)) {
            for (Candidate candidate : found) {
                best.merge(candidate.paperId(), candidate, (a, b) -> b.relevance() > a.relevance() ? b : a);
            }
        }
        if (best.isEmpty()) {
            // no interests yet, or only ones that find nothing (a keyword no text contains, without a vector)
            return ColdStart.rank(candidates, scope, settings, now, readersByPaper.get(), dismissed, k);
        }
        List<Candidate> pool = new ArrayList<>(best.values());
        pool.sort(Comparator.comparingDouble(Candidate::relevance).reversed().thenComparing(Candidate::paperId));
        List<Selection> selected = settings.mmr().select(pool, k + DistinctWorks.SPARE, quotas(interests, k));
        Map<String, PaperEvent> papers = candidates.listings(
                selected.stream().map(s -> s.candidate().paperId()).toList());
        return DistinctWorks.firstOfEach(selected.stream().filter(s -> papers.containsKey(s.candidate().paperId()))
                .map(s -> new Recommendation(papers.get(s.candidate().paperId()), s.score(), s.scoreParts(),
                        explain(interests.get(s.candidate().group()), s.candidate().vector())))
                .toList(), k);
    }

    /** What a reader likes (interests, heaviest first, then chosen keywords) and what they pushed away. */
    private record Taste(List<Interest> interests, List<float[]> dismissed) {
    }

    private Taste tasteOf(ReaderProfile profile, Map<String, PaperEvent> seen, Map<String, float[]> keywordVectors,
                          Optional<String> model, VectorCentre centre, Instant now) {
        List<WeightedPaper> withVectors = new ArrayList<>();
        List<WeightedPaper> withoutVectors = new ArrayList<>();
        List<float[]> dismissed = new ArrayList<>();
        for (PaperSignal signal : profile.signals()) {
            PaperEvent paper = seen.get(signal.paperId());
            if (paper == null) {
                continue;
            }
            boolean comparable = model.isPresent() && model.get().equals(PaperDocuments.modelOf(paper))
                    && paper.embedding().vector().length > 0;
            if (signal.dismissed()) {
                if (comparable) {
                    // scaled by how hard it was pushed away: the penalty is the dot product with this vector
                    dismissed.add(scaled(centre.centred(paper.embedding().vector()), signal.push()));
                }
            } else if (signal.weight() > 0) {
                WeightedPaper weighted = new WeightedPaper(paper, centre.centred(paper.embedding().vector()),
                        signal.weight() * settings.decay(Duration.between(signal.lastAt(), now)), signal.lastType());
                (comparable ? withVectors : withoutVectors).add(weighted);
            }
        }
        List<Interest> interests = new ArrayList<>(InterestClusters.cluster(withVectors, settings.maxInterests()));
        if (!withoutVectors.isEmpty()) {
            interests.add(new Interest(null, withoutVectors.stream().mapToDouble(WeightedPaper::weight).sum(),
                    withoutVectors, null));
        }
        for (String keyword : profile.keywords()) {
            float[] vector = keywordVectors.get(keyword);
            interests.add(Interest.ofKeyword(keyword, vector == null ? null : centre.centred(vector)));
        }
        return new Taste(interests, dismissed);
    }

    private List<Candidate> candidates(Interest interest, int group, double heaviest, ReaderScope scope,
                                       List<float[]> dismissed, int wanted, RankingMode mode) {
        float[] centroid = interest.centroid();
        List<PaperEvent> likes = interest.members().stream().map(WeightedPaper::paper).toList();
        SignalHits found = candidates.forInterest(scope, centroid, interest.keyword(),
                likes.stream().limit(MLT_PAPERS).toList(), wanted, mode.usesVectors(), mode.usesText());
        Signals signals = Signals.of(found.byVector(), found.byText(), mode, settings.fusion(),
                scope.oneModel() ? centroid : null,
                likes.isEmpty() ? Signals.CharGrams.NONE : ids -> candidates.charGramCosines(likes, ids),
                settings.readerCharGramWeight());
        double strength = 0.75 + 0.25 * interest.weight() / heaviest;
        List<Candidate> pool = new ArrayList<>();
        for (Map.Entry<String, Double> entry : signals.relevance().entrySet()) {
            String id = entry.getKey();
            float[] vector = signals.vectorOf(id);
            double penalty = dismissed.isEmpty() || vector.length == 0 ? 0
                    : settings.dismissPenalty() * Math.max(0, UnitVectors.maxSimilarity(vector, dismissed));
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("vector", centroid != null && centroid.length == vector.length
                    ? UnitVectors.similarity(centroid, vector) : signals.vector(id));
            parts.put("bm25", signals.bm25(id));
            parts.put("chargram", signals.charGram(id));
            parts.put("fused", signals.fused(id));
            parts.put("match", signals.match(id));
            parts.put("interest", interest.weight() / heaviest);
            parts.put("dismissed", -penalty);
            pool.add(new Candidate(id, vector, entry.getValue() * strength - penalty, parts, group));
        }
        return pool;
    }

    private static float[] scaled(float[] vector, double factor) {
        if (factor == 1.0) {
            return vector;
        }
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = (float) (vector[i] * factor);
        }
        return out;
    }

    private static String explain(Interest interest, float[] vector) {
        if (interest.isKeyword()) {
            return Explanations.becauseYouFollow(interest.keyword());
        }
        WeightedPaper closest = interest.members().getFirst();
        double closestSimilarity = Double.NEGATIVE_INFINITY;
        for (WeightedPaper member : interest.members()) {
            float[] memberVector = member.vector();
            if (memberVector.length == vector.length && vector.length > 0) {
                double similarity = UnitVectors.similarity(memberVector, vector);
                if (similarity > closestSimilarity) {
                    closestSimilarity = similarity;
                    closest = member;
                }
            }
        }
        return Explanations.becauseYou(closest.type(), PaperDocuments.displayTitle(closest.paper()));
    }

    /** Each interest's share of the list, rounded up, at least one slot. */
    private static int[] quotas(List<Interest> interests, int k) {
        double total = interests.stream().mapToDouble(Interest::weight).sum();
        int[] quotas = new int[interests.size()];
        for (int i = 0; i < quotas.length; i++) {
            quotas[i] = Math.max(1, (int) Math.ceil(k * interests.get(i).weight() / total));
        }
        return quotas;
    }
}
