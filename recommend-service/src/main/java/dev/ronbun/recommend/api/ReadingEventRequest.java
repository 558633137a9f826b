package dev.ronbun.recommend.api;

/**
 * The body of {@code POST /api/readers/{readerId}/events}.
 *
 * @param eventId      optional; a client that retries sends the same id and the event is stored once
 * @param type         opened, read, saved, liked, dismissed, less_of_topic (pushes papers like it away harder) or
 *                     undismissed (the undo of both)
 * @param dwellSeconds optional, not negative
 * @param at           optional ISO-8601 date-time; now when absent
 */
public record ReadingEventRequest(String eventId, String paperId, String type, Integer dwellSeconds, String at) {

    static final String EXPECTED = "{\"paperId\": \"...\", "
            + "\"type\": \"opened|read|saved|liked|dismissed|less_of_topic|undismissed\", "
            + "\"dwellSeconds\": 120, \"at\": \"2026-01-31T09:00:00Z\"}";
}
