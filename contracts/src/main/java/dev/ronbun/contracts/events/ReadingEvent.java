package dev.ronbun.contracts.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A reader's interaction with a paper: the value of {@code ronbun.reading-events.v1}, keyed by {@link #readerId}.
 * Its bounds ({@link #flaw}) are checked where events enter: the API, and the consumer for records written to the
 * topic some other way.
 */
public record ReadingEvent(
        int schemaVersion,
        String eventId,
        String readerId,
        String paperId,
        ReadingType type,
        Integer dwellSeconds,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;

    /** The earliest reading event accepted: nothing in Ronbun was read before this. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of the receiving clock an event may be stamped: clock skew, not the future. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** dwellSeconds stays below a day: a longer "read" is a stuck tab, not reading. */
    public static final int MAX_DWELL_SECONDS = 86_399;

    /** What is out of bounds in a dwell time and a time stamp (either may be null) at {@code now}, if anything. */
    public static Optional<String> flaw(Integer dwellSeconds, Instant at, Instant now) {
        if (dwellSeconds != null && (dwellSeconds < 0 || dwellSeconds > MAX_DWELL_SECONDS)) {
            return Optional.of("'dwellSeconds' must be a whole number from 0 to " + MAX_DWELL_SECONDS);
        }
        if (at != null && (at.isBefore(EARLIEST) || at.isAfter(now.plus(MAX_CLOCK_SKEW)))) {
            return Optional.of("'at' must lie between " + EARLIEST + " and five minutes from now");
        }
        return Optional.empty();
    }
}
