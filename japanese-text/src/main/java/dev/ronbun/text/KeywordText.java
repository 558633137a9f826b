package dev.ronbun.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A text made ready for keyword analysis: mathematics blanked out (so {@code $\hat{x}_{dim}$} gives no
 * {@code hat} or {@code dim}) and the speaker lines of a dialogue removed, their names remembered so that no keyword
 * repeats them. Blanking replaces characters with spaces, so the words either side of a formula never join.
 *
 * @param text     the text to analyse
 * @param speakers the names that head the turns of a dialogue ({@code 佐藤部長}, {@code AI講師ハルカ})
 */
record KeywordText(String text, Set<String> speakers) {

    /** Display and inline math, environments, then any command left over with its sub- and superscripts. */
    private static final List<Pattern> MATH = List.of(
            Pattern.compile("\\$\\$.*?\\$\\$", Pattern.DOTALL),
            Pattern.compile("\\\\\\[.*?\\\\]", Pattern.DOTALL),
            Pattern.compile("\\\\begin\\{(equation|align|eqnarray|gather|multline)\\*?}.*?\\\\end\\{\\1\\*?}",
                    Pattern.DOTALL),
            Pattern.compile("\\$[^$\\n]{1,300}\\$"),
            Pattern.compile("\\\\\\(.*?\\\\\\)", Pattern.DOTALL),
            Pattern.compile("\\\\[A-Za-z]+\\*?"),
            Pattern.compile("[_^](\\{[^{}\\n]*}|[A-Za-z0-9](?![A-Za-z0-9]))")); // not snake_case words

    /** A line that is only a short name: no sentence punctuation, no markup, at most a colon after it. */
    private static final Pattern SPEAKER_LINE =
            Pattern.compile("^[ \\t]*(?:\\*\\*)?([^\\s#>*|\\-0-9。、，．！？!?「」『』()（）:：.,][^\\s。、，．！？!?「」『』()（）:：.,]{1,15})(?:\\*\\*)?[ \\t]*[:：]?[ \\t]*$",
                    Pattern.MULTILINE);

    /**
     * A name must head at least this many lines to count as a speaker, not a one-off heading; and it must hold a
     * Japanese character, so that an English term standing alone on a line (a title) is never taken for one.
     */
    private static final int SPEAKER_TURNS = 2;

    static KeywordText of(String text) {
        String blanked = text;
        for (Pattern math : MATH) {
            blanked = blank(math, blanked);
        }
        Map<String, Integer> turns = new HashMap<>();
        Matcher line = SPEAKER_LINE.matcher(blanked);
        while (line.find()) {
            turns.merge(line.group(1), 1, Integer::sum);
        }
        Set<String> speakers = turns.entrySet().stream()
                .filter(e -> e.getValue() >= SPEAKER_TURNS && e.getKey().codePoints().anyMatch(cp -> cp > 0x7f))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        if (!speakers.isEmpty()) {
            Matcher speakerLine = SPEAKER_LINE.matcher(blanked);
            StringBuilder out = new StringBuilder(blanked.length());
            while (speakerLine.find()) {
                String replacement = speakers.contains(speakerLine.group(1))
                        ? " ".repeat(speakerLine.group().length()) : speakerLine.group();
                speakerLine.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            speakerLine.appendTail(out);
            blanked = out.toString();
        }
        return new KeywordText(blanked, speakers);
    }

    /**
     * True when the keyword names a speaker: the name itself, a Japanese part of it (部長 of 佐藤部長), or a word
     * built on the Japanese end of a name (拓海先生 from AIメンター拓海).
     */
    boolean namesASpeaker(String keyword) {
        boolean japanese = keyword.codePoints().anyMatch(cp -> cp > 0x7f);
        for (String speaker : speakers) {
            String name = speaker.toLowerCase(Locale.ROOT);
            if (name.equals(keyword) || (japanese && name.contains(keyword))) {
                return true;
            }
            for (String part : SCRIPT_CHANGE.split(name)) {
                if (part.length() >= 2 && part.codePoints().anyMatch(cp -> cp > 0x7f) && keyword.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where a name changes script (AI|メンター|拓海): its parts are its words. */
    private static final Pattern SCRIPT_CHANGE = Pattern.compile(
            "(?<=\\p{IsHan})(?=[^\\p{IsHan}])|(?<=[^\\p{IsHan}])(?=\\p{IsHan})"
                    + "|(?<=\\p{IsKatakana})(?=[^\\p{IsKatakana}ー])|(?<=[^\\p{IsKatakana}ー])(?=\\p{IsKatakana})");

    private static String blank(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, " ".repeat(matcher.group().length()));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }
}
