package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.PaperIdentity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the links in a paper's text and the arXiv id among them. */
final class Links {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>()\\[\\]{}\"'`、。「」（）|*]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\[\\]\\n]{0,300})]\\((https?://[^)\\s]{1,2000})\\)",
            Pattern.CASE_INSENSITIVE);
    /** A citation such as "arXiv preprint arXiv:2404.02573v1" or "arXiv 2404.02573". */
    private static final Pattern ARXIV_CITATION = Pattern.compile("(?i)arxiv[:\\s]{1,3}(\\d{4}\\.\\d{4,5})(?:v\\d{1,3})?(?!\\d)");
    private static final Pattern SPACE_RUN = Pattern.compile("[ \\t]{2,}");
    private static final String TRAILING_PUNCTUATION = ".,;:!?*_~";

    private Links() {
    }

    /** Every http(s) URL in the text, in order, without duplicates or trailing punctuation. */
    static List<String> in(String text) {
        if (!text.contains("://")) {
            return new ArrayList<>();
        }
        Set<String> urls = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING_PUNCTUATION.indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > "https://".length()) {
                urls.add(url.substring(0, end));
            }
        }
        return new ArrayList<>(urls);
    }

    static List<String> in(List<String> lines, int from, int to) {
        return in(LineShapes.join(lines, from, to));
    }

    /** The first arXiv id among these URLs, version suffix dropped. */
    static Optional<String> arxivIdAmong(List<String> urls) {
        for (String url : urls) {
            if (url.toLowerCase(Locale.ROOT).contains("arxiv.org")) {
                Optional<String> id = PaperIdentity.arxivIdIn(url);
                if (id.isPresent()) {
                    return id;
                }
            }
        }
        return Optional.empty();
    }

    /** The first arXiv id cited in prose ("arXiv:2404.02573v1"), version suffix dropped. */
    static Optional<String> arxivIdCitedIn(String text) {
        Matcher m = ARXIV_CITATION.matcher(text);
        return m.find() ? PaperIdentity.arxivIdIn(m.group(1)) : Optional.empty();
    }

    /** The text with Markdown links reduced to their label and bare URLs removed. */
    static String withoutLinks(String text) {
        if (!text.contains("://")) {
            return text.strip();
        }
        String labelled = MARKDOWN_LINK.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        return SPACE_RUN.matcher(URL.matcher(labelled).replaceAll("")).replaceAll(" ").strip();
    }

    /** Whether the line is nothing but a link: a Markdown link, a bare URL, or a short label followed by a URL. */
    static boolean isLinkLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > 2200 || !t.contains("://")) {
            return false;
        }
        String rest = URL.matcher(MARKDOWN_LINK.matcher(t).replaceAll("")).replaceAll("").strip();
        return LineShapes.length(rest) <= 40;
    }
}
