package dev.ronbun.ingest.parsing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a single line of a normalised document looks like: bullet, heading, sentence, Japanese or not. */
final class LineShapes {

    private static final Pattern BULLET = Pattern.compile("^[ \\t]*(?:[-*+•・◦▪‣●○■□]|\\d{1,3}[.)])[ \\t]+");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(\\S.*)$");
    private static final Pattern FENCE = Pattern.compile("^[ \\t]*(?:```|~~~)");

    private LineShapes() {
    }

    /** Leading white space, a tab counting as four spaces. */
    static int indentOf(String line) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width += 4;
            } else {
                break;
            }
        }
        return width;
    }

    static boolean isBullet(String line) {
        return BULLET.matcher(line).lookingAt();
    }

    /** The line without indentation and without its bullet or list number. */
    static String withoutBullet(String line) {
        Matcher m = BULLET.matcher(line);
        return (m.lookingAt() ? line.substring(m.end()) : line).strip();
    }

    /** The level (1–6) of a Markdown ATX heading, or 0 when the line is not one. */
    static int headingLevel(String line) {
        if (line.isEmpty() || (line.charAt(0) != '#' && line.charAt(0) != ' ')) {
            return 0;
        }
        Matcher m = MARKDOWN_HEADING.matcher(line);
        return m.matches() ? m.group(1).length() : 0;
    }

    /** The text of a Markdown ATX heading, emphasis marks dropped. */
    static String headingText(String line) {
        Matcher m = MARKDOWN_HEADING.matcher(line);
        if (!m.matches()) {
            return line.strip();
        }
        String text = m.group(2).strip();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        if (end < text.length() && end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            text = text.substring(0, end).strip();
        }
        return withoutEmphasis(text);
    }

    static String withoutEmphasis(String text) {
        String t = text.strip();
        while (t.length() >= 4 && ((t.startsWith("**") && t.endsWith("**")) || (t.startsWith("__") && t.endsWith("__")))) {
            t = t.substring(2, t.length() - 2).strip();
        }
        return t;
    }

    /** The line without Markdown heading marks, for shapes that may arrive as HTML with their titles in headings. */
    static String plain(String line) {
        return headingLevel(line) > 0 ? headingText(line) : line;
    }

    static boolean isFence(String line) {
        return FENCE.matcher(line).lookingAt();
    }

    /** A Markdown thematic break such as {@code ---}, {@code * * *} or {@code ___}. */
    static boolean isThematicBreak(String line) {
        String t = line.strip();
        if (t.length() < 3 || indentOf(line) > 3) {
            return false;
        }
        char mark = t.charAt(0);
        if (mark != '-' && mark != '*' && mark != '_') {
            return false;
        }
        int marks = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == mark) {
                marks++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return marks >= 3;
    }

    /** For each line, whether it lies inside a fenced code block (the fence lines themselves count as inside). */
    static boolean[] insideFences(List<String> lines) {
        boolean[] inside = new boolean[lines.size()];
        boolean open = false;
        for (int i = 0; i < lines.size(); i++) {
            if (isFence(lines.get(i))) {
                inside[i] = true;
                open = !open;
            } else {
                inside[i] = open;
            }
        }
        return inside;
    }

    /** Ends like a sentence (。 . ! ? and their full-width forms, optionally closed by a quote or bracket). */
    static boolean endsLikeSentence(String line) {
        String t = line.strip();
        int end = t.length();
        while (end > 0 && "」』）)\"'”’".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        return "。．.！？!?".indexOf(t.charAt(end - 1)) >= 0;
    }

    /** Holds hiragana, katakana or kanji. */
    static boolean hasJapanese(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
                    || script == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /** Share of letters that are Latin, 0 when there are no letters. */
    static double latinShare(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return letters == 0 ? 0 : (double) latin / letters;
    }

    /** How many runs of non-white-space characters the text has. */
    static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Joins lines, cutting blank lines at both ends and trailing white space. */
    static String join(List<String> lines, int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(lines.size(), to);
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start) {
                out.append('\n');
            }
            out.append(lines.get(i).stripTrailing());
        }
        return out.toString();
    }

    /** The index of the next non-blank line at or after {@code from}, or {@code lines.size()}. */
    static int nextNonBlank(List<String> lines, int from) {
        int i = Math.max(0, from);
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** Cuts a title that is really a paragraph down to its first sentence, or to {@code max} characters. */
    static String asTitle(String text, int max) {
        String t = text.strip();
        if (length(t) <= max) {
            return t;
        }
        int sentenceEnd = t.indexOf('。');
        if (sentenceEnd > 0 && sentenceEnd < max) {
            return t.substring(0, sentenceEnd + 1);
        }
        int cut = t.offsetByCodePoints(0, max);
        return t.substring(0, cut).strip() + "…";
    }
}
