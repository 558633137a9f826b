package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.events.ReadingType;
import java.time.Instant;

/** One event of a reader's history, newest first in lists. */
public record HistoryEntry(String eventId, String paperId, ReadingType type, Integer dwellSeconds, Instant at) {
}
