package dev.ronbun.recommend.api;

import dev.ronbun.contracts.http.ProblemException;
import dev.ronbun.contracts.http.QueryParameters;
import dev.ronbun.recommend.index.PaperFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses and bounds query parameters; anything out of shape is a 400 problem naming the parameter. */
final class RequestParameters {

    private RequestParameters() {
    }

    /** A whole number within [min, max], parsed here so that {@code size=abc} is a 400 naming it, not a 404. */
    static int bounded(String name, String value, int fallback, int min, int max) {
        return QueryParameters.integer(name, value, fallback, min, max);
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter",
                    "Parameter '" + name + "' must be an ISO date like 2026-01-31, got '" + value + "'.");
        }
    }

    /** An ISO instant (2026-01-31T09:00:00Z, any offset) or a date (midnight UTC); null when absent. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw ProblemException.badRequest("invalid-parameter", "Parameter '" + name
                        + "' must be an ISO date-time like 2026-01-31T09:00:00Z or a date, got '" + value + "'.");
            }
        }
    }

    static PaperFilter filter(String kind, String format, String presenter, String from, String to) {
        return filter(kind, format, presenter, from, to, null);
    }

    static PaperFilter filter(String kind, String format, String presenter, String from, String to, String tag) {
        return new PaperFilter(blankToNull(kind), blankToNull(format), blankToNull(presenter),
                date("from", from), date("to", to), blankToNull(tag));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A paper id of the documented shape ({@link dev.ronbun.contracts.http.Ids#PAPER}), else a 400 naming it. */
    static String paperId(String paperId) {
        return dev.ronbun.contracts.http.Ids.paper("paperId", paperId);
    }

    static ProblemException unknownPaper(String paperId) {
        return ProblemException.notFound("unknown-paper", "No paper with id '" + paperId + "'.");
    }
}
