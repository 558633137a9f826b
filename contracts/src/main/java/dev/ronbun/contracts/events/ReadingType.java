package dev.ronbun.contracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a reader did with a paper; each signals interest differently (dismissed pushes away). */
public enum ReadingType {
    OPENED, READ, SAVED, LIKED, DISMISSED;

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
                + "'; expected one of opened, read, saved, liked, dismissed");
    }
}
