package dev.ronbun.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * English noun phrases among the analysed tokens: two or three Latin words in a row separated by one space, or
 * joined by "of" (knowledge distillation, mixture of experts). Lucene's stop filter has already taken out articles
 * and pronouns, so a run breaks where one stood; a longer run is a sentence, not a term, and gives no phrase. The
 * words themselves are counted as usual; a phrase is counted besides them.
 */
final class EnglishPhrases {

    private static final int MAX_WORDS = 3;
    private static final String OF = " of ";

    private final String text;
    private final List<String> phrases = new ArrayList<>();
    private final List<String> run = new ArrayList<>();
    private final List<String> joins = new ArrayList<>();
    private int runEnd = -1;

    EnglishPhrases(String text) {
        this.text = text;
    }

    /** Feeds the next noun token with its place in the text. */
    void accept(String term, int start, int end) {
        if (!isLatinWord(term)) {
            breakRun();
            return;
        }
        String gap = runEnd < 0 || start < runEnd ? null : text.substring(runEnd, start).toLowerCase(Locale.ROOT);
        if (!run.isEmpty() && (" ".equals(gap) || OF.equals(gap))) {
            joins.add(gap);
        } else {
            breakRun();
        }
        run.add(term);
        runEnd = end;
    }

    /** Ends the current run (a token that is not a noun stands between). */
    void breakRun() {
        if (run.size() >= 2 && run.size() <= MAX_WORDS && !KeywordFilter.isStopWord(run.getFirst())
                && !KeywordFilter.isStopWord(run.getLast())) {
            StringBuilder phrase = new StringBuilder(run.getFirst());
            for (int i = 1; i < run.size(); i++) {
                phrase.append(joins.get(i - 1)).append(run.get(i));
            }
            phrases.add(phrase.toString());
        }
        run.clear();
        joins.clear();
        runEnd = -1;
    }

    /** The phrases of everything fed so far. */
    List<String> finish() {
        breakRun();
        return List.copyOf(phrases);
    }

    private static boolean isLatinWord(String term) {
        return term.length() >= 2 && term.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.'))
                && term.chars().anyMatch(Character::isLetter);
    }
}
