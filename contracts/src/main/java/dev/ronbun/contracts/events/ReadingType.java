package dev.ronbun.contracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a reader did with a paper; each signals interest differently (dismissed pushes away). {@code unsaved} (added
 * for the library, issue 20) takes a paper out of the reader's library and undoes the interest its saves showed.
 * {@code less_of_topic} (issue 20) pushes away papers like this one harder than a dismissal does, and
 * {@code undismissed} is the undo of both: the paper's earlier dismissals stop counting.
 */
public enum ReadingType {
    OPENED, READ, SAVED, LIKED, DISMISSED, UNSAVED, LESS_OF_TOPIC, UNDISMISSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReadingType fromWire(String value) {
        for (ReadingType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown reading event type '" + value
                + "'; expected one of opened, read, saved, liked, dismissed, unsaved, "
                + "less_of_topic, undismissed");
    }
}
