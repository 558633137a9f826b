package dev.ronbun.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.SummaryEvent;

/**
 * The one JSON mapping of events on the wire. Consumers read values as text and parse them here, so a
 * malformed record becomes an {@link InvalidEventException} with a reason (and a dead letter), not a stuck partition.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Fields added within a version are ignored by older readers; breaking changes get a new topic version.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static SummaryEvent readSummary(String json) {
        SummaryEvent event = read(json, SummaryEvent.class);
        requireVersion(event.schemaVersion(), SummaryEvent.SCHEMA_VERSION, "summary");
        require(event.paperKey(), "paperKey");
        require(event.documentId(), "documentId");
        require(event.format(), "format");
        if (isBlank(event.title()) && isBlank(event.titleJa())) {
            throw new InvalidEventException("summary event has neither title nor titleJa");
        }
        return event;
    }

    public static PaperEvent readPaper(String json) {
        PaperEvent event = read(json, PaperEvent.class);
        requireVersion(event.schemaVersion(), PaperEvent.SCHEMA_VERSION, "paper");
        require(event.paperId(), "paperId");
        if (event.embedding() == null || event.embedding().vector() == null || event.embedding().vector().length == 0) {
            throw new InvalidEventException("paper event " + event.paperId() + " has no embedding vector");
        }
        return event;
    }

    public static ReadingEvent readReading(String json) {
        ReadingEvent event = read(json, ReadingEvent.class);
        requireVersion(event.schemaVersion(), ReadingEvent.SCHEMA_VERSION, "reading");
        require(event.readerId(), "readerId");
        require(event.paperId(), "paperId");
        if (event.type() == null) {
            throw new InvalidEventException("reading event has no type");
        }
        return event;
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty " + type.getSimpleName() + " record");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void requireVersion(int actual, int expected, String what) {
        if (actual != expected) {
            throw new InvalidEventException(what + " event has schemaVersion " + actual + ", expected " + expected);
        }
    }

    private static void require(String value, String field) {
        if (isBlank(value)) {
            throw new InvalidEventException("required field '" + field + "' is missing");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
