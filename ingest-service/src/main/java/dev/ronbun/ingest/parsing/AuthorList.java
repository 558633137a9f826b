package dev.ronbun.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a line of author names ("Yushen Zuo1, Qi Zheng1+, …, Zhengzhong Tu1*") into clean names. */
final class AuthorList {

    private static final Pattern SEPARATOR = Pattern.compile("[,，、;；]|\\s+and\\s+|\\s+&\\s+");
    private static final String AFFILIATION_MARKS = "0123456789*+†‡§¶#∗⋆✝ ";

    private AuthorList() {
    }

    static List<String> parse(String line) {
        List<String> names = new ArrayList<>();
        for (String part : SEPARATOR.split(line)) {
            String name = trimMarks(part.strip());
            if (!name.isEmpty() && !name.equalsIgnoreCase("et al.") && !name.equalsIgnoreCase("et al")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether a line reads as a list of names rather than a title or a sentence. */
    static boolean looksLikeAuthors(String line) {
        String t = line.strip();
        if (t.isEmpty() || LineShapes.endsLikeSentence(t) || t.contains(":") || t.contains("：")
                || LineShapes.length(t) > 2000) {
            return false;
        }
        List<String> names = parse(t);
        if (names.isEmpty()) {
            return false;
        }
        for (String name : names) {
            if (LineShapes.length(name) > 60 || LineShapes.wordCount(name) > 6) {
                return false;
            }
        }
        if (names.size() >= 2) {
            return true;
        }
        String only = names.getFirst();
        if (LineShapes.hasJapanese(only)) {
            return LineShapes.length(only) <= 12;
        }
        int words = LineShapes.wordCount(only);
        if (words < 2 || words > 4) {
            return false;
        }
        for (int i = 0; i < only.length(); i++) {
            boolean wordStart = i == 0 || Character.isWhitespace(only.charAt(i - 1));
            if (wordStart && !Character.isWhitespace(only.charAt(i)) && !Character.isUpperCase(only.codePointAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String trimMarks(String name) {
        int start = 0;
        int end = name.length();
        while (end > start && AFFILIATION_MARKS.indexOf(name.charAt(end - 1)) >= 0) {
            end--;
        }
        while (start < end && AFFILIATION_MARKS.indexOf(name.charAt(start)) >= 0) {
            start++;
        }
        return name.substring(start, end).strip();
    }
}
