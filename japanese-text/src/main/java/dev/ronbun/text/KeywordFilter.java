package dev.ronbun.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a term may stand as a paper's keyword or as a reason shown to a reader: the one place both services ask.
 * A term is refused when it is on the stop list {@code keyword-stop-words.txt} (section and filler words, LaTeX
 * command names, link debris), a single character, a bare number, or a Latin word that ends in a hyphen or a cut
 * version (a keyword is spelled whole: {@code yolov9}, never {@code yolov}).
 */
public final class KeywordFilter {

    private static final String STOP_LIST = "keyword-stop-words.txt";
    private static final Set<String> STOP_WORDS = loadStopWords();

    private KeywordFilter() {
    }

    /** True when the term makes a keyword. */
    public static boolean accepts(String term) {
        if (term == null || term.isBlank()) {
            return false;
        }
        String spelled = term.strip().toLowerCase(Locale.ROOT);
        if (spelled.codePointCount(0, spelled.length()) < 2 || STOP_WORDS.contains(spelled)) {
            return false;
        }
        if (spelled.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        return !spelled.endsWith("-") && !spelled.startsWith("-") && !spelled.contains("\\")
                && !spelled.contains("$") && !spelled.contains("{") && !spelled.contains("^");
    }

    /** True when the term is on the stop list (case-insensitively). */
    public static boolean isStopWord(String term) {
        return term != null && STOP_WORDS.contains(term.strip().toLowerCase(Locale.ROOT));
    }

    /** The stop list as read, for tests and tools. */
    public static Set<String> stopWords() {
        return STOP_WORDS;
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = KeywordFilter.class.getResourceAsStream(STOP_LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + STOP_LIST);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .map(word -> word.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + STOP_LIST, e);
        }
    }
}
