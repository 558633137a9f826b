package dev.ronbun.ingest.parsing;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The shapes of document Ronbun can split into papers, each with the name it has on the wire and in events. */
public enum DocumentFormat {
    STUDY_GROUP_NOTES("study-group-notes"),
    STRUCTURED_SUMMARY("structured-summary"),
    DIALOGUE_ARTICLE("dialogue-article"),
    WEEKLY_ROUNDUP("weekly-roundup"),
    PAPER_NOTES("paper-notes"),
    GENERIC("generic");

    private final String wireName;

    DocumentFormat(String wireName) {
        this.wireName = wireName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The format with this wire name (case and surrounding space ignored).
     *
     * @throws IllegalArgumentException naming the accepted values when the name is unknown
     */
    public static DocumentFormat fromWireName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (DocumentFormat format : values()) {
            if (format.wireName.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown document format '" + name + "'; expected one of: "
                + Arrays.stream(values()).map(DocumentFormat::wireName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
