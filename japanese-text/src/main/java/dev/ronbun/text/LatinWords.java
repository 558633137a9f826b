package dev.ronbun.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latin words that Kuromoji would cut at a digit or a hyphen (YOLOv9 into yolov|9, GPT-4 into gpt|4) and that a
 * reader knows as one name: letters and digits joined by hyphens, or a version with a decimal point (Qwen2.5-VL).
 * A word counts when it holds at least two letters and a digit or a hyphen, so 1e-4, 3D and v2 do not. A number
 * with a unit (4bit, 48GB, 300ms, 65B) is a measurement: it makes no keyword, and neither do its pieces.
 */
final class LatinWords {

    /** The part of speech a whole word is analysed as: a proper noun, like Kuromoji's unknown Latin words. */
    static final String PART_OF_SPEECH = "名詞-固有名詞-組織";

    private static final Pattern WORD = Pattern.compile(
            "(?<![A-Za-z0-9.\\-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+|(?<=[0-9])\\.[0-9]+)*(?![A-Za-z0-9])");

    private static final Pattern MEASUREMENT = Pattern.compile("[0-9]+(?:\\.[0-9]+)?[a-z]{1,4}");

    /**
     * One whole word: where it stands in the text and how a keyword spells it (lower case).
     *
     * @param measurement a number with its unit, which no keyword is made of
     */
    record Span(int start, int end, String word, boolean measurement) {
    }

    private LatinWords() {
    }

    /** The whole words of a text that the analysis would cut, in text order. */
    static List<Span> wholeWords(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            long letters = word.chars().filter(Character::isLetter).count();
            boolean cut = word.chars().anyMatch(Character::isDigit) || word.indexOf('-') >= 0;
            String lower = word.toLowerCase(Locale.ROOT);
            if (MEASUREMENT.matcher(lower).matches()) {
                spans.add(new Span(matcher.start(), matcher.end(), lower, true));
            } else if (letters >= 2 && cut) {
                spans.add(new Span(matcher.start(), matcher.end(), lower, false));
            }
        }
        return spans;
    }
}
