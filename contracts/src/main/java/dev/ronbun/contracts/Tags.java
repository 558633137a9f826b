package dev.ronbun.contracts;

import java.util.Locale;

/**
 * How tags compare, everywhere a tag is kept, indexed or filtered on: case does not tell tags apart ("LLM" and "llm"
 * are one tag), and neither does the space around them. The first spelling seen is what readers see; this is the key.
 */
public final class Tags {

    private Tags() {
    }

    /** The tag's key: trimmed, then lower-cased by the root locale (never the machine's: a Turkish "I" stays "i"). */
    public static String fold(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }
}
