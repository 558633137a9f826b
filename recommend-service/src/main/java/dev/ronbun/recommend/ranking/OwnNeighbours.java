package dev.ronbun.recommend.ranking;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a paper's own closest papers (its fused ranking, without links or diversification) are kept between related
 * lists: the mutual-neighbour bonus asks for those of a list's best candidates, so without keeping them one related
 * list would cost {@link RankingSettings.Mutual#candidates()} more rankings.
 */
@FunctionalInterface
public interface OwnNeighbours {

    /** The ids of the paper's closest papers, best first; {@code compute} ranks them when none are kept or fresh. */
    List<String> of(String paperId, Supplier<List<String>> compute);

    /** Keeps nothing: every ask ranks again (tests). */
    OwnNeighbours NONE = (paperId, compute) -> compute.get();

    /** Keeps every paper's for good: for an index that does not change while it is used (evaluation, benchmarks). */
    static OwnNeighbours keptForGood() {
        Map<String, List<String>> kept = new ConcurrentHashMap<>();
        return (paperId, compute) -> kept.computeIfAbsent(paperId, id -> compute.get());
    }
}
