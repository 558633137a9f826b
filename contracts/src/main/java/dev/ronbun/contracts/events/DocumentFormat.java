package dev.ronbun.contracts.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shapes of document Ronbun can split into papers: the one list of them, with the name each has on the wire
 * (requests, events, the JSON Schema of {@link SummaryEvent}) and the Japanese name readers see. The API
 * documentation, the command line and the web UI all take the list from here.
 */
public enum DocumentFormat {
    STUDY_GROUP_NOTES("study-group-notes", "勉強会ノート"),
    STRUCTURED_SUMMARY("structured-summary", "構造化要約"),
    DIALOGUE_ARTICLE("dialogue-article", "対話記事"),
    WEEKLY_ROUNDUP("weekly-roundup", "週刊まとめ"),
    PAPER_NOTES("paper-notes", "論文ノート"),
    GENERIC("generic", "その他の文書");

    private final String wireName;
    private final String label;

    DocumentFormat(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The name readers see in the UI. */
    public String label() {
        return label;
    }

    /** Every wire name, in order, joined by {@code separator} (usage lines, API descriptions). */
    public static String wireNames(String separator) {
        return Arrays.stream(values()).map(DocumentFormat::wireName).collect(Collectors.joining(separator));
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
                + wireNames(", "));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
