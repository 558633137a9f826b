package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.index.ScoredPaper;
import dev.ronbun.recommend.index.UnitVectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives every candidate of a hybrid query its vector score. kNN returns only the nearest papers up to its depth, so a
 * paper BM25 found beyond that depth would enter fusion with no vector score at all, although its vector is at hand
 * and its cosine is one dot product away. With the vector ranking completed, a candidate's fused score no longer
 * depends on how deep kNN looked (which grows with the k asked for), so a short list is the head of a longer one.
 */
public final class CandidateCosines {

    private CandidateCosines() {
    }

    /**
     * The kNN hits plus every text hit they lack, scored by its cosine to the query, best first. Without a query
     * vector (null: none, or the index mixes embedding models, whose cosines do not compare) the kNN hits as they
     * are.
     */
    public static List<ScoredPaper> completed(List<ScoredPaper> nearest, List<ScoredPaper> byText, float[] query) {
        if (query == null || byText.isEmpty()) {
            return nearest;
        }
        Set<String> found = new HashSet<>();
        nearest.forEach(hit -> found.add(hit.paperId()));
        List<ScoredPaper> all = new ArrayList<>(nearest);
        for (ScoredPaper hit : byText) {
            if (hit.vector().length == query.length && found.add(hit.paperId())) {
                all.add(new ScoredPaper(hit.paperId(), hit.vector(), UnitVectors.similarity(query, hit.vector())));
            }
        }
        if (all.size() > nearest.size()) {
            all.sort(Comparator.comparingDouble(ScoredPaper::score).reversed());
        }
        return all;
    }
}
