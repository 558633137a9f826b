package dev.ronbun.ingest.parsing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's text normalised once for every parser: LF line ends, no BOM, no control or zero-width characters,
 * no-break and ideographic spaces as plain spaces, trailing spaces cut, and the full-width ASCII that structure depends
 * on (letters, digits, ［］＠＃｜ and similar marks) made half-width, an unpaired surrogate replaced by U+FFFD, and raw
 * HTML cut out ({@link RawMarkup}). Japanese prose punctuation (。、！？（）：) is kept.
 */
public final class ParsableText {

    /** How many non-blank lines at the top of a document may carry its date. */
    private static final int HEADER_LINES = 5;

    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s?[-/.年]\\s?(\\d{1,2})\\s?[-/.月]\\s?(\\d{1,2})(?!\\d)");

    private final String text;
    private final List<String> lines;

    private ParsableText(String text) {
        this.text = text;
        this.lines = List.of(text.split("\n", -1));
    }

    /** Normalises raw document text; {@code null} is read as empty text. */
    public static ParsableText of(String raw) {
        // normalised before markup is cut (full-width ＜script＞ becomes <script> here) and after (cut tags leave spaces)
        return new ParsableText(normalise(RawMarkup.strip(normalise(raw == null ? "" : raw))));
    }

    /** The normalised text, lines separated by LF. */
    public String text() {
        return text;
    }

    /** The normalised lines, without line ends. */
    public List<String> lines() {
        return lines;
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    /**
     * The date the document carries near its top, e.g. "2025-09-30 機械学習勉強会", "2025/9/30" or "2025年9月30日".
     */
    public Optional<LocalDate> documentDate() {
        int seen = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Optional<LocalDate> date = dateIn(line);
            if (date.isPresent()) {
                return date;
            }
            if (++seen >= HEADER_LINES) {
                break;
            }
        }
        return Optional.empty();
    }

    static Optional<LocalDate> dateIn(String line) {
        Matcher m = DATE.matcher(line);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            if (year < 1900 || year > 2200) {
                continue;
            }
            try {
                return Optional.of(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } catch (DateTimeException notADate) {
                // e.g. 2025-13-45: keep looking
            }
        }
        return Optional.empty();
    }

    static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int lineStart = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = endLine(out, lineStart);
            } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\u000B' || c == '\f') {
                lineStart = endLine(out, lineStart);
            } else if (c == '\t') {
                out.append(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || isInvisible(c)) {
                // control, zero-width and BOM characters carry no text
            } else if (c == '\u00A0' || c == '\u3000' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F') {
                out.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E' && isStructuralFullWidth(c)) {
                out.append((char) (c - 0xFEE0));
            } else if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD'); // half a pair (e.g. from &#xD800; in HTML) is no character: JSON could not carry it
            } else {
                out.append(c);
            }
        }
        endLine(out, lineStart);
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Cuts trailing spaces off the line just written, ends it, and returns where the next line starts. */
    private static int endLine(StringBuilder out, int lineStart) {
        int end = out.length();
        while (end > lineStart && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
            end--;
        }
        out.setLength(end);
        out.append('\n');
        return out.length();
    }

    private static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Full-width forms of ASCII that mark structure; prose punctuation such as ！？（）：、。 stays as written. */
    private static boolean isStructuralFullWidth(char c) {
        if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
            return true;
        }
        return "＃＄％＆＊＋－／＜＝＞＠［＼］＾＿｀｛｜｝".indexOf(c) >= 0;
    }
}
