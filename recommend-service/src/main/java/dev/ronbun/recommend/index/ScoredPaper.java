package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;

/** A paper found by a query with Lucene's score for it. */
public record ScoredPaper(PaperEvent paper, float score) {
}
