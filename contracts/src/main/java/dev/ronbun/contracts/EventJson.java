package dev.ronbun.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ronbun.contracts.events.DocumentRetraction;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingEvent;
import dev.ronbun.contracts.events.SummaryEvent;
import dev.ronbun.contracts.http.UnsafeText;
import java.time.Instant;
import java.util.Map;

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
        for (float value : event.embedding().vector()) {
            if (!Float.isFinite(value)) {
                // 1e400 reads as Infinity: no index can compare it, and the centring would spread it to every paper
                throw new InvalidEventException("paper event " + event.paperId()
                        + " has a vector value that is not a finite number (" + value + ")");
            }
        }
        return event;
    }

    public static DocumentRetraction readRetraction(String json) {
        DocumentRetraction event = read(json, DocumentRetraction.class);
        requireVersion(event.schemaVersion(), DocumentRetraction.SCHEMA_VERSION, "document retraction");
        require(event.documentId(), "documentId");
        if (!ContentHash.isHash(event.documentId())) {
            throw new InvalidEventException("document retraction: documentId is not a SHA-256 in hex");
        }
        if (event.retractedAt() == null) {
            throw new InvalidEventException("document retraction " + event.documentId() + " has no retractedAt");
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
        ReadingEvent.flaw(event.dwellSeconds(), event.at(), Instant.now()).ifPresent(flaw -> {
            throw new InvalidEventException("reading event " + event.eventId() + ": " + flaw);
        });
        return event;
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty " + type.getSimpleName() + " record");
        }
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidEventException("a " + type.getSimpleName() + " record must be a JSON object");
            }
            String unstorable = unstorableText(tree, "");
            if (unstorable != null) {
                throw new InvalidEventException(FailureClassifier.printable(type.getSimpleName() + " " + unstorable));
            }
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not a valid " + type.getSimpleName() + ": " + FailureClassifier.printable(
                    fieldOf(e) + e.getOriginalMessage()), e);
        }
    }

    /** "field 'dwellSeconds': " when Jackson knows which field it could not map, so the reason names it. */
    private static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return "field '" + path + "': ";
    }

    /**
     * Where a text value holds what no consumer can keep: a NUL, which PostgreSQL's UTF-8 text refuses (SQLState
     * 22021), or half of a surrogate pair, which has no UTF-8 form and would silently become '?'. Null when none.
     */
    private static String unstorableText(JsonNode node, String path) {
        if (node.isTextual()) {
            String text = node.textValue();
            int at = UnsafeText.firstUnsafe(text);
            if (at >= 0 && text.charAt(at) == 0) {
                return "field '" + path + "' contains a NUL character (U+0000), which UTF-8 text in PostgreSQL "
                        + "cannot hold";
            }
            if (at >= 0) {
                return "field '" + path + "' contains an unpaired surrogate (" + FailureClassifier.printable(
                        String.valueOf(text.charAt(at))) + "), which has no UTF-8 form";
            }
            return null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String found = unstorableText(field.getValue(), path.isEmpty() ? field.getKey()
                        : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = unstorableText(node.get(i), path + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
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
