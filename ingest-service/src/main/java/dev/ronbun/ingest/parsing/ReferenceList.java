package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Reference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the papers a section names ("次に読むべき論文", key references, a reference list) as references: one per
 * line that carries a link, an arXiv id or a quoted title. Lines that only describe why to read something are skipped.
 */
final class ReferenceList {

    private static final Pattern LINK = Pattern.compile("(!?)\\[([^\\[\\]\\n]{1,600})]\\((https?://[^)\\s]{1,2000})\\)");
    private static final Pattern QUOTED_TITLE = Pattern.compile("[\"“『「]([^\"“”『』「」\\n]{6,300}?)[\\s,，.。]*[\"”』」]");
    private static final Pattern ARXIV_ID = Pattern.compile("(?i)arxiv[:\\s]{1,3}(\\d{4}\\.\\d{4,5})(?:v\\d{1,3})?(?!\\d)");
    private static final int MAX_REFERENCES = 50;

    private ReferenceList() {
    }

    static List<Reference> read(String section) {
        List<Reference> references = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String rawLine : section.split("\n")) {
            String line = LineShapes.withoutBullet(rawLine.strip().replaceFirst("^[・●○■□◆◇▶►]\\s*", ""));
            if (line.isEmpty() || references.size() >= MAX_REFERENCES) {
                continue;
            }
            for (Reference reference : referencesIn(line)) {
                String identity = reference.arxivId() != null ? "arxiv:" + reference.arxivId()
                        : reference.url() != null ? reference.url()
                        : reference.title().toLowerCase(Locale.ROOT);
                if (seen.add(identity)) {
                    references.add(reference);
                }
            }
        }
        return references;
    }

    private static List<Reference> referencesIn(String line) {
        List<Reference> found = new ArrayList<>();
        Matcher link = LINK.matcher(line);
        boolean anyLink = false;
        while (link.find()) {
            if (!link.group(1).isEmpty()) {
                continue;
            }
            anyLink = true;
            String label = link.group(2);
            String url = link.group(3);
            String title = titleOf(label).orElse(null);
            found.add(new Reference(title, arxivIdOf(url).orElseGet(() -> citedArxivId(label)), url));
        }
        if (anyLink) {
            return found;
        }
        String plain = line.replaceAll("!\\[[^\\]]*]\\([^)]*\\)", "");
        List<String> urls = Links.in(plain);
        Optional<String> title = quotedTitle(plain);
        String cited = citedArxivId(plain);
        if (!urls.isEmpty()) {
            String text = Links.withoutLinks(plain);
            String t = title.orElseGet(() -> CitationBlock.looksLikeTitle(text) && !LineShapes.endsLikeSentence(text)
                    ? text : null);
            String url = urls.getFirst();
            found.add(new Reference(t, arxivIdOf(url).orElse(cited), url));
        } else if (cited != null || title.isPresent()) {
            found.add(new Reference(title.orElse(null), cited, null));
        }
        return found;
    }

    /** The title a link label gives: the quoted title of a citation, else the label when it reads as a title. */
    private static Optional<String> titleOf(String label) {
        Optional<String> quoted = quotedTitle(label);
        if (quoted.isPresent()) {
            return quoted;
        }
        String text = Links.withoutLinks(label);
        String[] segments = text.split("(?<=[.。])\\s+");
        if (segments.length >= 3) {
            // "Authors. Title. Venue. Year.": the title is the longest sentence of several words
            String longest = "";
            for (String segment : segments) {
                String t = segment.strip().replaceAll("[.。]+$", "");
                if (LineShapes.wordCount(t) >= 3 && t.length() > longest.length()) {
                    longest = t;
                }
            }
            return longest.isEmpty() ? Optional.empty() : Optional.of(longest);
        }
        return CitationBlock.looksLikeTitle(text) ? Optional.of(text) : Optional.empty();
    }

    private static Optional<String> quotedTitle(String text) {
        Matcher m = QUOTED_TITLE.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip().replaceAll("[,，.。]+$", "")) : Optional.empty();
    }

    private static Optional<String> arxivIdOf(String url) {
        return url.toLowerCase(Locale.ROOT).contains("arxiv.org") ? PaperIdentity.arxivIdIn(url) : Optional.empty();
    }

    private static String citedArxivId(String text) {
        Matcher m = ARXIV_ID.matcher(text);
        return m.find() ? PaperIdentity.arxivIdIn(m.group(1)).orElse(null) : null;
    }
}
