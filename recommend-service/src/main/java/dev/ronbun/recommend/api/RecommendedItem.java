package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.recommend.index.PaperDocuments;
import dev.ronbun.recommend.ranking.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recommended, related or found paper as the API shows it.
 *
 * @param title      the English title, or the Japanese one when there is no English title
 * @param score      the ranking score; the list is ordered by it (scaled within the list: not for readers)
 * @param match      how well the paper matches, in [0, 1], calibrated against the other candidates (see
 *                   MatchCalibration): the number shown to readers; null for a paper listed because a writer named
 *                   it as next to read, or found by a signal that has no calibration
 * @param scoreParts the signals behind the score (e.g. vector, bm25, fused)
 * @param why        a short explanation, in Japanese
 * @param tags       the writer's tags
 */
public record RecommendedItem(String paperId, String title, String titleJa, String arxivId, String kind,
                              Instant firstSeenAt, double score, Map<String, Double> scoreParts, String why,
                              List<String> tags, Double match) {

    static RecommendedItem of(Recommendation recommendation) {
        PaperEvent paper = recommendation.paper();
        return new RecommendedItem(paper.paperId(), PaperDocuments.displayTitle(paper), paper.titleJa(),
                paper.arxivId(), paper.kind(), paper.firstSeenAt(), recommendation.score(),
                recommendation.scoreParts(), recommendation.why(), paper.tags(),
                recommendation.scoreParts() == null ? null : recommendation.scoreParts().get("match"));
    }
}
