package dev.ronbun.recommend.ranking;

import dev.ronbun.recommend.index.ScoredPaper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal-rank fusion (Cormack et al., 2009): each ranking gives an item {@code 1 / (k + rank)}, rank counted
 * from 1, and the fused score is the sum. Only ranks matter, so BM25 scores and cosines need no common scale.
 *
 * @param k damps the weight of the very first ranks; 60 is the customary value
 */
public record ReciprocalRankFusion(int k) implements ScoreFusion {

    @Override
    public Map<String, Double> fuse(List<ScoredPaper> byVector, List<ScoredPaper> byText) {
        return fuse(List.of(byVector.stream().map(ScoredPaper::paperId).toList(),
                byText.stream().map(ScoredPaper::paperId).toList()));
    }


    /** Fused scores, best first; an id that appears in no ranking is absent. */
    public Map<String, Double> fuse(List<List<String>> rankings) {
        Map<String, Double> scores = new HashMap<>();
        for (List<String> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                scores.merge(ranking.get(i), 1.0 / (k + i + 1), Double::sum);
            }
        }
        return ScoreFusion.bestFirst(scores);
    }
}
