package dev.ronbun.recommend.api;

import dev.ronbun.contracts.events.ReadingType;
import java.time.Instant;

/** One event of a reader's history, with the paper's title when the index has the paper. */
public record HistoryItem(String eventId, String paperId, String title, ReadingType type, Integer dwellSeconds,
                          Instant at) {
}
