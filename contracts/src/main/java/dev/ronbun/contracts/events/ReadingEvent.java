package dev.ronbun.contracts.events;

import java.time.Instant;

/** A reader's interaction with a paper: the value of {@code ronbun.reading-events.v1}, keyed by {@link #readerId}. */
public record ReadingEvent(
        int schemaVersion,
        String eventId,
        String readerId,
        String paperId,
        ReadingType type,
        Integer dwellSeconds,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;
}
