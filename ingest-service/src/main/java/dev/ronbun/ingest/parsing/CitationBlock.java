package dev.ronbun.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bibliographic block of a paper's notes ("### 論文情報・リンク"): a citation such as
 * {@code Authors, "Title," Venue, Year.} (often as the label of a link), or labelled bullets such as
 * {@code 著者: …}, {@code 会議: …}, {@code 年: …}, {@code Title: …}, {@code リンク: …}.
 */
final class CitationBlock {

    /**
     * What a citation block says. Fields it does not give are {@code null}; lists are never {@code null}.
     *
     * @param title   the paper's title
     * @param authors its authors
     * @param venue   the journal or conference
     * @param year    the year of publication, 0 when not given
     * @param urls    the links in the block
     * @param arxivId the arXiv id among them or cited in the text
     */
    record Citation(String title, List<String> authors, String venue, int year, List<String> urls, String arxivId) {

        boolean isEmpty() {
            return title == null && authors.isEmpty() && venue == null && urls.isEmpty();
        }
    }

    /** A title in straight or curly double quotes, the comma or period the citation style puts inside dropped. */
    private static final Pattern QUOTED_TITLE = Pattern.compile("[\"“”]([^\"“”\\n]{6,400}?)[\\s,，.。]*[\"“”]");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\[\\]\\n]{1,600})]\\((https?://[^)\\s]{1,2000})\\)");
    private static final Pattern LABELLED = Pattern.compile("^\\s*([^:：]{1,20})[:：]\\s*(.+)$");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");

    private static final Pattern TITLE_LABEL = label("タイトル|題目|論文名|論文タイトル|英題|原題|title|paper\\s+title");
    private static final Pattern AUTHORS_LABEL = label("著者|著者名|筆者|authors?");
    private static final Pattern VENUE_LABEL = label("会議|学会|ジャーナル|論文誌|掲載|掲載誌|出典|発表|venue|conference|journal|published\\s+in");
    private static final Pattern YEAR_LABEL = label("年|発表年|出版年|year");

    private CitationBlock() {
    }

    /** The citation the block's text gives; empty fields where it gives none. */
    static Citation read(String block) {
        String title = null;
        List<String> authors = new ArrayList<>();
        String venue = null;
        int year = 0;
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        for (String rawLine : block.split("\n")) {
            String line = LineShapes.withoutBullet(rawLine.replace("・", " ").strip());
            if (line.isEmpty()) {
                continue;
            }
            urls.addAll(Links.in(line));
            Matcher labelled = LABELLED.matcher(line);
            if (labelled.matches() && !labelled.group(1).contains("/") && !labelled.group(1).contains("[")) {
                String label = labelled.group(1).strip();
                String value = labelled.group(2).strip();
                if (TITLE_LABEL.matcher(label).matches() && title == null) {
                    title = titleText(value);
                    continue;
                }
                if (AUTHORS_LABEL.matcher(label).matches() && authors.isEmpty()) {
                    authors.addAll(AuthorList.parse(Links.withoutLinks(value)));
                    continue;
                }
                if (VENUE_LABEL.matcher(label).matches() && venue == null) {
                    venue = Links.withoutLinks(value);
                    year = year == 0 ? yearIn(value) : year;
                    continue;
                }
                if (YEAR_LABEL.matcher(label).matches()) {
                    year = yearIn(value);
                    continue;
                }
            }
            if (title == null) {
                Optional<Citation> cited = citationLine(line);
                if (cited.isPresent()) {
                    title = cited.get().title();
                    if (authors.isEmpty()) {
                        authors.addAll(cited.get().authors());
                    }
                    venue = venue == null ? cited.get().venue() : venue;
                    year = year == 0 ? cited.get().year() : year;
                }
            }
        }
        List<String> links = new ArrayList<>(urls);
        String arxivId = Links.arxivIdAmong(links).orElseGet(() -> Links.arxivIdCitedIn(block).orElse(null));
        return new Citation(title, authors, venue, year, links, arxivId);
    }

    /**
     * One citation line: {@code Authors, "Title," Venue, Year} (the link label when it is a link), or a link whose
     * label is a title such as {@code [Attention Is All You Need](https://arxiv.org/abs/1706.03762)}.
     */
    static Optional<Citation> citationLine(String line) {
        String text = line;
        String url = null;
        Matcher link = MARKDOWN_LINK.matcher(line);
        if (link.find() && !link.group().startsWith("!")) {
            text = link.group(1);
            url = link.group(2);
        }
        List<String> urls = url == null ? Links.in(line) : List.of(url);
        Matcher quoted = QUOTED_TITLE.matcher(text);
        if (quoted.find()) {
            String title = titleText(quoted.group(1));
            String before = text.substring(0, quoted.start()).strip().replaceAll("[,，.\\s]+$", "");
            String after = text.substring(quoted.end()).strip().replaceFirst("^[,，.]\\s*", "");
            List<String> authors = before.isEmpty() || LineShapes.length(before) > 600 ? List.of() : authorsOf(before);
            String venue = venueOf(after);
            return Optional.of(new Citation(title, authors, venue, yearIn(after), urls,
                    Links.arxivIdAmong(urls).orElseGet(() -> Links.arxivIdCitedIn(line).orElse(null))));
        }
        if (url != null && looksLikeTitle(text)) {
            return Optional.of(new Citation(titleText(text), List.of(), null, 0, urls, Links.arxivIdAmong(urls).orElse(null)));
        }
        return Optional.empty();
    }

    /** A link label that reads as a paper's title: several words, not "PDF", "arXiv", "リンク" or a bare URL. */
    static boolean looksLikeTitle(String label) {
        String t = label.strip();
        if (t.contains("://") || LineShapes.length(t) < 8 || LineShapes.length(t) > 300) {
            return false;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.matches("(?:arxiv|pdf|paper|link|code|github|project|page|here|リンク|論文|こちら|url)\\b.{0,20}")) {
            return false;
        }
        return LineShapes.wordCount(t) >= 2 || LineShapes.hasJapanese(t);
    }

    private static List<String> authorsOf(String text) {
        String names = text.replaceAll("(?i)\\bet\\s+al\\.?", "").strip();
        if (names.contains(";") || names.contains("；")) {
            return AuthorList.parse(names.replaceAll("[,，]", " ").replaceAll("\\s+", " "));
        }
        return AuthorList.parse(names);
    }

    private static String venueOf(String after) {
        String t = after.replaceFirst("(?i)^in\\s+", "").strip();
        int cut = t.length();
        for (String mark : List.of(",", "，", ". ", "(")) {
            int at = t.indexOf(mark);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        String venue = t.substring(0, cut).strip().replaceAll("[.。]+$", "");
        return venue.isEmpty() || LineShapes.length(venue) > 200 ? null : venue;
    }

    private static int yearIn(String text) {
        Matcher m = YEAR.matcher(text);
        int year = 0;
        while (m.find()) {
            year = Integer.parseInt(m.group(1));
        }
        return year;
    }

    private static String titleText(String raw) {
        String t = Links.withoutLinks(raw).strip().replaceAll("^[\"“”']+|[\"“”'\\s,，.。]+$", "").strip();
        return t.isEmpty() ? null : LineShapes.asTitle(t, 300);
    }

    private static Pattern label(String words) {
        return Pattern.compile("(?:" + words + ")", Pattern.CASE_INSENSITIVE);
    }
}
