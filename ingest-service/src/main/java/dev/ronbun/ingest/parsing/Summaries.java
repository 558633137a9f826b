package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.Section;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Chooses a paper's short summary: a section named like one, else its first paragraph. */
final class Summaries {

    /** A heading that names a summary ("概要", "1.概要と位置づけ", "一言でいうと", "TL;DR"), not one that merely starts
     * with such a word ("要約ツール"). */
    private static final Pattern SUMMARY_HEADING = Pattern.compile(
            "^(?:\\d{1,2}\\s*[.．、)）]\\s*)?(?:概要|要約|まとめ|サマリー?|一言で(?:いうと|言うと|まとめると)?|一言|tl;?dr|summary|abstract|結論)"
                    + "(?:$|[とのをにでは・:：(（\\s])", Pattern.CASE_INSENSITIVE);
    private static final List<String> TWEET_HEADINGS = List.of("ツイート", "tweet", "140字", "140文字", "140 字");
    private static final int MAX_PARAGRAPH = 800;

    private Summaries() {
    }

    static boolean isSummaryHeading(String heading) {
        return SUMMARY_HEADING.matcher(heading.strip()).find();
    }

    static boolean isTweetHeading(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        return TWEET_HEADINGS.stream().anyMatch(h::contains);
    }

    /** The first section whose heading names a summary. */
    static Optional<Section> summarySection(List<Section> sections) {
        return sections.stream().filter(s -> isSummaryHeading(s.heading()) && !s.text().isBlank()).findFirst();
    }

    /** The first paragraph (run of non-blank lines) of the text, bullets and indentation dropped. */
    static String firstParagraph(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!out.isEmpty()) {
                    break;
                }
                continue;
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(LineShapes.withoutBullet(line));
            if (out.length() > MAX_PARAGRAPH) {
                break;
            }
        }
        return out.toString().strip();
    }
}
