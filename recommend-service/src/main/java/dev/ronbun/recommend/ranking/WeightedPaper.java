package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;

/**
 * A paper of a reader's history with how much it counts now (interest times recency) and what the reader did.
 *
 * @param vector the paper's vector, centred as the index centres vectors (see {@code PaperIndexReader.centre()})
 */
public record WeightedPaper(PaperEvent paper, float[] vector, double weight, ReadingType type) {
}
