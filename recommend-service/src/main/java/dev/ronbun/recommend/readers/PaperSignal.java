package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.events.ReadingType;
import java.time.Instant;

/**
 * What a reader's history says about one paper.
 *
 * @param lastType the latest act; {@link ReadingType#DISMISSED} means "not this, nor things like it",
 *                 {@link ReadingType#LESS_OF_TOPIC} "not this, and much less of its topic"
 * @param weight   the strongest interest shown, before recency decay
 * @param lastAt   when the latest act happened
 */
public record PaperSignal(String paperId, ReadingType lastType, double weight, Instant lastAt) {

    /** How hard the reader pushed papers like this one away: less of this topic twice as hard as a dismissal. */
    static final double TOPIC_PUSH = 2.0;

    public boolean dismissed() {
        return lastType == ReadingType.DISMISSED || lastType == ReadingType.LESS_OF_TOPIC;
    }

    /** The factor a dismissal's penalty is scaled by: 0 when not dismissed. */
    public double push() {
        return switch (lastType) {
            case DISMISSED -> 1.0;
            case LESS_OF_TOPIC -> TOPIC_PUSH;
            default -> 0.0;
        };
    }
}
