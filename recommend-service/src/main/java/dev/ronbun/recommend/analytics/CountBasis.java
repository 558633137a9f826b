package dev.ronbun.recommend.analytics;

import java.util.Locale;

/** Which day a summary is counted on in the weekly charts. */
public enum CountBasis {
    /** The date of the document the summary came from (when the group wrote it); the ingest day when it has none. */
    DOCUMENT,
    /** The day the pipeline first saw the paper. */
    INGESTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CountBasis fromWire(String value) {
        if (value == null || value.isBlank()) {
            return DOCUMENT;
        }
        for (CountBasis basis : values()) {
            if (basis.wireName().equals(value.strip())) {
                return basis;
            }
        }
        throw new IllegalArgumentException("basis must be 'document' or 'ingested', got '" + value + "'");
    }
}
