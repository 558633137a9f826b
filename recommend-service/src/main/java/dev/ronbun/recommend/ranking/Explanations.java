package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.ReadingType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The short "why" of every recommendation, in Japanese with an English gloss. */
public final class Explanations {

    private static final int KEYWORDS_SHOWN = 3;
    private static final int TITLE_SHOWN = 60;

    private Explanations() {
    }

    /**
     * Related work: the tags their writers gave both, else the keywords the two papers share; failing that, the
     * source's most distinctive words (as more-like-this picked them) that the other paper also uses.
     */
    public static String related(PaperEvent source, PaperEvent other, List<String> sharedTerms) {
        Set<String> sourceTags = source.tags().stream().map(t -> t.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> sharedTags = other.tags().stream()
                .filter(t -> sourceTags.contains(t.toLowerCase(Locale.ROOT))).toList();
        if (!sharedTags.isEmpty()) {
            return "共通タグ: " + sharedTags.stream().limit(KEYWORDS_SHOWN).collect(Collectors.joining(", "))
                    + " (shared tags)";
        }
        Set<String> sourceTerms = source.keywords().stream().map(Keyword::term).collect(Collectors.toSet());
        Set<String> shared = new LinkedHashSet<>();
        for (Keyword keyword : other.keywords()) {
            if (sourceTerms.contains(keyword.term())) {
                shared.add(keyword.term());
            }
        }
        if (!shared.isEmpty()) {
            return "共通キーワード: " + shared.stream().limit(KEYWORDS_SHOWN).collect(Collectors.joining(", "))
                    + " (shared keywords)";
        }
        if (!sharedTerms.isEmpty()) {
            return "共通の語: " + sharedTerms.stream().limit(KEYWORDS_SHOWN).collect(Collectors.joining(", "))
                    + " (shared terms)";
        }
        return "内容が近い論文 (similar content)";
    }

    /** Related work: the paper shown is one the source names as next to read. */
    public static String namedAsNextToRead() {
        return "次に読むべき論文として挙げられています (named as next to read)";
    }

    /** Related work: the paper shown names the source as next to read. */
    public static String namesThisAsNextToRead() {
        return "この論文を次に読むべき論文に挙げています (names this paper as next to read)";
    }

    /** A personal recommendation from a paper of the reader's history. */
    public static String becauseYou(ReadingType type, String title) {
        String shown = shorten(title);
        return switch (type) {
            case LIKED -> "「" + shown + "」を気に入ったあなたに (because you liked \"" + shown + "\")";
            case SAVED -> "「" + shown + "」を保存したあなたに (because you saved \"" + shown + "\")";
            case OPENED -> "「" + shown + "」を開いたあなたに (because you opened \"" + shown + "\")";
            default -> "「" + shown + "」を読んだあなたに (because you read \"" + shown + "\")";
        };
    }

    /** A personal recommendation from a keyword the reader chose. */
    public static String becauseYouFollow(String keyword) {
        return "「" + keyword + "」に興味があるあなたに (because you follow \"" + keyword + "\")";
    }

    /** Cold start: read by many. */
    public static String widelyRead(int readers) {
        return readers + "人の読者が読んでいます (read by " + readers + " readers)";
    }

    /** Cold start: new. */
    public static String newPaper(java.time.Instant firstSeen) {
        LocalDate day = firstSeen == null ? null : LocalDate.ofInstant(firstSeen, ZoneOffset.UTC);
        return day == null ? "新着論文 (new)" : "新着論文 (new, added " + day + ")";
    }

    /** Search: the query terms a paper matched. */
    public static String matched(List<String> terms) {
        String shown = String.join(", ", terms.stream().limit(KEYWORDS_SHOWN + 2).toList());
        return "一致した語: " + shown + " (matches " + shown + ")";
    }

    /** Search: found by meaning only. */
    public static String semanticMatch() {
        return "意味が近い論文 (close in meaning to the query)";
    }

    private static String shorten(String title) {
        return title.length() <= TITLE_SHOWN ? title : title.substring(0, TITLE_SHOWN - 1) + "…";
    }
}
