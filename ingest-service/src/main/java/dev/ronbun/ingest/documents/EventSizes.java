package dev.ronbun.ingest.documents;

import dev.ronbun.contracts.EventJson;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.ingest.publishing.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks, before anything is published, that every record of a document fits the broker: a record over the
 * producer's {@code max.request.size} would fail the whole transaction with a 500, and in the inbox again and again.
 * A document within the size limit always fits (its text is at most twice in an event, JSON escaping at most doubles
 * it, and a page's HTML may expand only up to the splitter's character cap); this is the last guard should those
 * limits ever be raised without the producer's.
 */
final class EventSizes {

    private EventSizes() {
    }

    static void requireWithin(int maxEventBytes, List<SummaryEvent> summaries, List<DeadLetter> deadLetters) {
        for (SummaryEvent summary : summaries) {
            requireWithin(maxEventBytes, EventJson.write(summary), summary.position());
        }
        for (DeadLetter deadLetter : deadLetters) {
            requireWithin(maxEventBytes, deadLetter.payload(), -1);
        }
    }

    private static void requireWithin(int maxEventBytes, String json, int position) {
        // a UTF-8 character has at most 3 bytes per UTF-16 unit: count exactly only when that bound is too high
        if ((long) json.length() * 3 <= maxEventBytes) {
            return;
        }
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxEventBytes) {
            throw new ProblemException(413, "paper-too-large", "Paper too large",
                    "Paper " + (position >= 0 ? "at position " + position + " " : "") + "of the document would be a "
                            + bytes + "-byte event once its text is laid out; the limit is " + maxEventBytes
                            + " bytes (ronbun.ingest.max-event-bytes). Send the document in smaller parts.");
        }
    }
}
