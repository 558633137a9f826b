package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.events.ReadingType;
import java.time.Instant;

/**
 * What a reader's history says about one paper.
 *
 * @param lastType the latest act; {@link ReadingType#DISMISSED} means "not this, nor things like it"
 * @param weight   the strongest interest shown, before recency decay
 * @param lastAt   when the latest act happened
 */
public record PaperSignal(String paperId, ReadingType lastType, double weight, Instant lastAt) {

    public boolean dismissed() {
        return lastType == ReadingType.DISMISSED;
    }
}
