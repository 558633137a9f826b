package dev.ronbun.recommend.readers;

import dev.ronbun.contracts.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules for a library's tags: 0 to {@value #MAX_TAGS} per paper, each 1 to {@value #MAX_TAG_LENGTH} characters
 * after trimming; two tags that differ only in case are one tag (the first spelling is kept).
 */
public final class LibraryTags {

    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_NOTE_LENGTH = 2000;

    private LibraryTags() {
    }

    /** The trimmed, deduplicated tags, or what is wrong with them. */
    public static Result normalise(List<String> tags) {
        if (tags == null) {
            return new Result(List.of(), Optional.empty());
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String tag : tags) {
            String trimmed = tag == null ? "" : tag.strip();
            int length = trimmed.codePointCount(0, trimmed.length());
            if (length < 1 || length > MAX_TAG_LENGTH) {
                return new Result(List.of(), Optional.of("every tag must be 1 to " + MAX_TAG_LENGTH
                        + " characters after trimming"));
            }
            unique.putIfAbsent(Tags.fold(trimmed), trimmed);
        }
        if (unique.size() > MAX_TAGS) {
            return new Result(List.of(), Optional.of("at most " + MAX_TAGS + " tags"));
        }
        return new Result(new ArrayList<>(unique.values()), Optional.empty());
    }

    public static boolean same(String a, String b) {
        return Tags.fold(a).equals(Tags.fold(b));
    }

    public record Result(List<String> tags, Optional<String> flaw) {
    }
}
