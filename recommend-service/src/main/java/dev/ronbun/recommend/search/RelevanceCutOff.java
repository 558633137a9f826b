package dev.ronbun.recommend.search;

import dev.ronbun.recommend.config.RecommendConfig;
import dev.ronbun.recommend.index.ScoredPaper;
import java.util.List;

/**
 * Which papers the query's vector alone may bring into a search: kNN always returns neighbours, even for a query
 * about nothing the corpus holds, so a vector hit must be as close to the query as the model puts papers it means
 * (a floor learned from data, see {@link RecommendConfig.Search#minCentredSimilarity()}). A paper that shares a
 * word with the query is a match whatever its cosine: BM25 finds only papers with at least one of its terms.
 *
 * @param minCentred the floor on the centred cosine, when the index centres its vectors
 * @param minRaw     the floor on the raw cosine, while it does not yet
 */
public record RelevanceCutOff(double minCentred, double minRaw) {

    static RelevanceCutOff from(RecommendConfig.Search config) {
        return new RelevanceCutOff(config.minCentredSimilarity(), config.minRawSimilarity());
    }

    /** The floor a cosine of the index's current space must reach. */
    double floor(boolean centred) {
        return centred ? minCentred : minRaw;
    }

    /** The hits at or above the floor; the kNN hits come best first, so this is their head. */
    List<ScoredPaper> passing(List<ScoredPaper> nearest, boolean centred) {
        double floor = floor(centred);
        return nearest.stream().takeWhile(hit -> hit.score() >= floor).toList();
    }
}
