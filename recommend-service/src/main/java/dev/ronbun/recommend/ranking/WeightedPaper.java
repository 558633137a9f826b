package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;

/** A paper of a reader's history with how much it counts now (interest times recency) and what the reader did. */
public record WeightedPaper(PaperEvent paper, double weight, ReadingType type) {
}
