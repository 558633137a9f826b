package dev.ronbun.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Joins the analysed tokens of one text into keyword candidates. A compound is a run of nouns that touch in the
 * original text (no dropped token or space between them) and share a script, so 画像|超解像 joins but
 * LoRA|層 and "language model" do not. A run may open with a noun prefix (多, 超, 非) and continue with a noun
 * suffix (化, 率); it is cut at numbers, pronouns, dependent nouns (こと, ため) and adverbial nouns (今後, 以下).
 * A run longer than {@value #MAX_PARTS} parts is mostly a phrase of several words: it is cut where a word opens
 * (before a prefix) or closes (after a suffix), so 多粒度事前分布混合 gives 多粒度 and 事前分布混合, and a piece
 * still too long is kept as its single nouns. A run that holds a person's name (Kuromoji's 人名: 佐藤部長, 山田太郎)
 * is dropped whole.
 */
final class CompoundNouns {

    static final int MAX_PARTS = 4;

    /**
     * Leading words that point or count (本手法, 各層, 全データ) and so make no keyword; Kuromoji tags some as
     * prefixes and some as nouns (本 as "book"), so they are matched by text at the start of a run.
     */
    private static final Set<String> DEICTIC_PREFIXES = Set.of(
            "本", "同", "各", "全", "両", "約", "計", "第", "毎", "諸", "当", "元", "現", "今", "翌", "某", "他");

    private enum Role { NOUN, PREFIX, SUFFIX, BREAK, PERSON }

    private final List<String> keywords = new ArrayList<>();
    private final List<String> run = new ArrayList<>();
    private final List<Role> runRoles = new ArrayList<>();
    private int runEnd = -1;
    private boolean runLatin;
    /** The run holds a person's name (Kuromoji's 人名): 佐藤部長 or 拓海先生 is nobody's keyword. */
    private boolean runNamesAPerson;

    /** Feeds the next token of the analysed text. */
    void accept(String term, String partOfSpeech, int startOffset, int endOffset) {
        Role role = roleOf(partOfSpeech);
        boolean latin = isLatin(term);
        boolean continues = !run.isEmpty() && startOffset == runEnd && latin == runLatin;
        if (!continues) {
            flush();
        }
        if (run.isEmpty() && DEICTIC_PREFIXES.contains(term)) {
            return;
        }
        switch (role) {
            case BREAK -> flush();
            case SUFFIX -> {
                if (!run.isEmpty()) {
                    append(term, role, endOffset, latin);
                }
            }
            case NOUN, PREFIX -> append(term, role, endOffset, latin);
            case PERSON -> {
                append(term, Role.NOUN, endOffset, latin);
                runNamesAPerson = true;
            }
        }
    }

    /** The keyword candidates of everything fed so far, in text order. */
    List<String> finish() {
        flush();
        return List.copyOf(keywords);
    }

    private void append(String term, Role role, int endOffset, boolean latin) {
        run.add(term);
        runRoles.add(role);
        runEnd = endOffset;
        runLatin = latin;
    }

    private void flush() {
        while (!runRoles.isEmpty() && runRoles.getLast() == Role.PREFIX) {
            run.removeLast();
            runRoles.removeLast();
        }
        if (runNamesAPerson) {
            run.clear();
            runRoles.clear();
        }
        if (run.size() <= MAX_PARTS) {
            keepJoined(0, run.size());
        } else {
            int start = 0;
            for (int i = 1; i <= run.size(); i++) {
                if (i == run.size() || runRoles.get(i) == Role.PREFIX
                        || (runRoles.get(i - 1) == Role.SUFFIX && runRoles.get(i) != Role.SUFFIX)) {
                    keepJoined(start, i);
                    start = i;
                }
            }
        }
        run.clear();
        runRoles.clear();
        runEnd = -1;
        runNamesAPerson = false;
    }

    /** Keeps parts [from, to) of the run as one compound, or as its nouns when that is too long. */
    private void keepJoined(int from, int to) {
        if (to - from > MAX_PARTS) {
            for (int i = from; i < to; i++) {
                if (runRoles.get(i) == Role.NOUN) {
                    keep(run.get(i));
                }
            }
        } else if (to > from) {
            keep(String.join("", run.subList(from, to)));
        }
    }

    private void keep(String keyword) {
        if (!isNoise(keyword)) {
            keywords.add(keyword);
        }
    }

    private static Role roleOf(String partOfSpeech) {
        if (partOfSpeech == null) {
            return Role.BREAK;
        }
        if (partOfSpeech.startsWith("接頭詞-名詞接続")) {
            return Role.PREFIX;
        }
        if (!partOfSpeech.startsWith("名詞")) {
            return Role.BREAK;
        }
        if (partOfSpeech.startsWith("名詞-固有名詞-人名")) {
            return Role.PERSON;
        }
        if (partOfSpeech.startsWith("名詞-接尾-一般") || partOfSpeech.startsWith("名詞-接尾-サ変接続")) {
            return Role.SUFFIX;
        }
        if (partOfSpeech.startsWith("名詞-接尾")
                || partOfSpeech.startsWith("名詞-数")
                || partOfSpeech.startsWith("名詞-非自立")
                || partOfSpeech.startsWith("名詞-代名詞")
                || partOfSpeech.startsWith("名詞-副詞可能")
                || partOfSpeech.startsWith("名詞-特殊")
                || partOfSpeech.startsWith("名詞-接続詞的")
                || partOfSpeech.startsWith("名詞-動詞非自立的")) {
            return Role.BREAK;
        }
        return Role.NOUN;
    }

    private static boolean isLatin(String term) {
        int first = term.codePointAt(0);
        return first < 0x80;
    }

    /** Single kana, single Latin letters and bare numbers carry no topic. */
    private static boolean isNoise(String keyword) {
        if (keyword.codePoints().allMatch(cp -> Character.isDigit(cp) || cp == '.' || cp == ',')) {
            return true;
        }
        if (keyword.codePointCount(0, keyword.length()) > 1) {
            return false;
        }
        int cp = keyword.codePointAt(0);
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.LATIN
                || cp == 'ー';
    }
}
