package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.PaperIdentity;
import dev.ronbun.contracts.events.Reference;
import dev.ronbun.contracts.events.Section;
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
    private static final Pattern BOLD_START = Pattern.compile("^\\*\\*([^*\\n]{2,600})\\*\\*");
    private static final Pattern ITALIC_START = Pattern.compile("^[:：]?\\s*\\*([^*\\n]{6,300})\\*");
    /** "Touvron et al., 2023. " or "Oquab et al. " before a title. */
    private static final Pattern AUTHOR_YEAR_PREFIX = Pattern.compile("^[^.:()]{1,80}?\\bet al\\.?,?\\s*(?:\\d{4}\\.?)?\\s*");
    /** "(Yu Du et al., 2024)" or "(Chen et al.)" after a title. */
    private static final Pattern CITED_BY = Pattern.compile("\\s*\\([^()]*(?:et al|\\d{4})[^()]*\\)$");
    private static final int MAX_REFERENCES = 50;

    private ReferenceList() {
    }

    /** The references of the sections that are reference lists, key references or next-to-read questions. */
    static List<Reference> fromReferenceSections(List<Section> sections) {
        List<Reference> references = new ArrayList<>();
        for (Section section : sections) {
            Optional<QuestionHeadings.Role> role = QuestionHeadings.read(section.heading()).role();
            if (role.isPresent() && (role.get() == QuestionHeadings.Role.REFERENCES
                    || role.get() == QuestionHeadings.Role.NEXT_TO_READ)) {
                references.addAll(read(section.text()));
            }
        }
        return references;
    }

    /** The references one section's text names, in order, each once. */
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
            String t = title.or(() -> boldTitle(text)).orElseGet(() -> CitationBlock.looksLikeTitle(text)
                    && !LineShapes.endsLikeSentence(text) ? text : null);
            String url = urls.getFirst();
            found.add(new Reference(t, arxivIdOf(url).orElse(cited), url));
        } else if (cited != null || title.isPresent()) {
            found.add(new Reference(title.orElse(null), cited, null));
        } else {
            boldTitle(plain).ifPresent(t -> found.add(new Reference(t, null, null)));
        }
        return found;
    }

    /**
     * The title of a line that starts with a bold citation and says why to read it: {@code **Title.** …},
     * {@code **Authors. Title. Venue**：…}, {@code **[36] Name: subtitle:** …}, {@code **Authors.** *Title* …}; not a
     * bold group label such as {@code **既存研究:**} with nothing after it.
     */
    private static Optional<String> boldTitle(String line) {
        Matcher m = BOLD_START.matcher(line);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String bold = m.group(1).strip();
        String after = line.substring(m.end()).strip();
        if (after.replaceAll("^[:：]\\s*", "").isEmpty() && (bold.endsWith(":") || bold.endsWith("："))) {
            return Optional.empty();
        }
        Matcher italic = ITALIC_START.matcher(after);
        if (italic.lookingAt()) {
            return Optional.of(italic.group(1).strip().replaceAll("[.。,，]+$", ""));
        }
        String name = AUTHOR_YEAR_PREFIX.matcher(bold.replaceAll("[:：]+$", "").replaceFirst("^\\[\\d{1,4}]\\s*", ""))
                .replaceFirst("").replaceAll(",\\s*\\d{4}\\.?$", "").strip();
        name = CITED_BY.matcher(name).replaceFirst("").replaceFirst("^\\((.*)\\)$", "$1").strip();
        if (name.length() < 3 || LineShapes.latinShare(name) < 0.6) {
            return Optional.empty();
        }
        Optional<String> title = titleOf(name);
        if (title.isEmpty() && LineShapes.wordCount(name) <= 6) {
            return Optional.of(name.replaceAll("[.。]+$", ""));
        }
        return title;
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
        String title = text.replaceAll("[.。,，\\s]+$", "");
        return CitationBlock.looksLikeTitle(title) ? Optional.of(title) : Optional.empty();
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
