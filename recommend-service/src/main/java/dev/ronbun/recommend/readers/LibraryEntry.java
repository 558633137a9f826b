package dev.ronbun.recommend.readers;

import java.time.Instant;
import java.util.List;

/** A saved paper as the library shows it. */
public record LibraryEntry(String paperId, List<String> tags, String note, Instant savedAt) {

    public LibraryEntry {
        tags = List.copyOf(tags);
    }

    /** Whether the entry carries the tag, compared as the library compares tags (case-insensitively). */
    public boolean hasTag(String tag) {
        return tags.stream().anyMatch(own -> LibraryTags.same(own, tag));
    }
}
