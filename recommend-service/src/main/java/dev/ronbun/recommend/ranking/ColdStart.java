package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperCandidates;
import dev.ronbun.recommend.index.ReaderScope;
import dev.ronbun.recommend.index.UnitVectors;
import dev.ronbun.recommend.index.VectorCentre;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recommendations for a reader with no interests yet: recent papers and widely read ones, half and half
 * ({@code 0.5 * recency + 0.5 * popularity}), where recency halves every recency half-life and popularity is the
 * log of the paper's reader count relative to the most read candidate. Papers like a dismissed one are pushed down.
 */
final class ColdStart {

    private ColdStart() {
    }

    /** The reader's cold-start list from the papers the scope allows (newest, and widely read ones). */
    static List<Recommendation> rank(PaperCandidates candidates, ReaderScope scope, RankingSettings settings,
                                     Instant now, Map<String, Integer> readersByPaper, List<float[]> dismissed, int k) {
        int wanted = Math.max(settings.candidates(), 3 * k);
        VectorCentre centre = candidates.centre();
        List<PaperEvent> pool = candidates.coldStartPool(scope, wanted, readersByPaper.keySet());
        int mostReaders = pool.stream().mapToInt(paper -> readersByPaper.getOrDefault(paper.paperId(), 0)).max()
                .orElse(0);
        List<Recommendation> ranked = new ArrayList<>();
        for (PaperEvent paper : pool) {
            int readers = readersByPaper.getOrDefault(paper.paperId(), 0);
            double recency = paper.firstSeenAt() == null ? 0
                    : settings.decay(Duration.between(paper.firstSeenAt(), now));
            double popularity = readers == 0 ? 0 : Math.log1p(readers) / Math.log1p(mostReaders);
            double penalty = dismissed.isEmpty() ? 0 : settings.dismissPenalty()
                    * Math.max(0, UnitVectors.maxSimilarity(centre.centred(paper.embedding().vector()), dismissed));
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("recency", recency);
            parts.put("popularity", popularity);
            parts.put("dismissed", -penalty);
            String why = readers >= 2 && popularity >= recency
                    ? Explanations.widelyRead(readers) : Explanations.newPaper(paper.firstSeenAt());
            ranked.add(new Recommendation(paper, 0.5 * recency + 0.5 * popularity - penalty, parts, why));
        }
        ranked.sort(Comparator.comparingDouble(Recommendation::score).reversed()
                .thenComparing(r -> r.paper().firstSeenAt(), Comparator.nullsLast(Comparator.reverseOrder())));
        return DistinctWorks.firstOfEach(ranked, k);
    }
}
