package dev.ronbun.ingest.parsing;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives a document's papers what the document says about itself outside its text: its front matter (title, date,
 * tags, writer, description, links) and its file name ({@code 2017-03-13-Deep-Learning-applied-to-NLP.md}: a date and,
 * failing every other, a title). A title or description speaks for the one paper of a one-paper document only; the
 * date and tags speak for every paper.
 */
final class PostDetails {

    private static final int MAX_TITLE_LENGTH = 300;
    static final String TITLE_FROM_FILE_NAME = "no title in the document: the title was taken from the file name";

    private static final Pattern NAME_DATE = Pattern.compile("^(\\d{4})[-_.](\\d{1,2})[-_.](\\d{1,2})(?:[-_. ]+|$)");
    private static final Pattern EXTENSION = Pattern.compile("\\.(?:md|markdown|mdx|txt|text|html?|org|rst)$",
            Pattern.CASE_INSENSITIVE);
    /** Descriptions that theme templates leave in place: they describe nothing. */
    private static final List<String> PLACEHOLDER_DESCRIPTIONS = List.of("description", "sample article showcasing");

    /** Names that label a document without naming it: the API's default label, an index page, standard input. */
    private static final Set<String> GENERIC_NAMES = Set.of("document", "index", "readme", "untitled",
            "stdin", "-", "upload", "file");

    private PostDetails() {
    }

    static ParsedDocument apply(ParsedDocument document, FrontMatterReader.Split front, String documentName) {
        List<String> warnings = new ArrayList<>(document.warnings());
        front.warning().ifPresent(warnings::add);
        FrontMatter matter = front.matter();
        Optional<NameParts> name = NameParts.of(documentName);
        boolean onePaper = document.papers().size() == 1;
        List<ParsedPaper> papers = new ArrayList<>();
        for (ParsedPaper paper : document.papers()) {
            papers.add(onePaper ? applyToOnly(paper, matter, name, warnings) : applyToEach(paper, matter, name));
        }
        return new ParsedDocument(document.format(), papers, warnings);
    }

    private static ParsedPaper applyToEach(ParsedPaper p, FrontMatter matter, Optional<NameParts> name) {
        LocalDate date = matter.date() != null ? matter.date()
                : p.sourceDate() != null ? p.sourceDate() : name.map(NameParts::date).orElse(null);
        return new ParsedPaper(p.title(), p.titleJa(), p.arxivId(), p.urls(), p.authors(), p.presenter(), p.kind(),
                date, p.format(), p.summary(), p.sections(), p.body(), union(p.tags(), matter.tags()), p.references(),
                p.venue(), p.year());
    }

    private static ParsedPaper applyToOnly(ParsedPaper p, FrontMatter matter, Optional<NameParts> name,
                                           List<String> warnings) {
        String title = p.title();
        String titleJa = p.titleJa();
        String fmTitle = matter.title();
        Optional<KindTags.Tagged> tagged = fmTitle == null ? Optional.empty() : KindTags.tagged(fmTitle);
        if (tagged.isPresent() && !tagged.get().rest().isBlank()) {
            fmTitle = tagged.get().rest(); // "【論文紹介】Title": the tag says what the post is, not what it is called
        }
        if (fmTitle != null) {
            fmTitle = LineShapes.asTitle(fmTitle, MAX_TITLE_LENGTH);
            if (LineShapes.hasJapanese(fmTitle)) {
                // a Japanese post title; an English title the notes give (e.g. in their citation) stays the title
                titleJa = fmTitle;
                title = title != null && !LineShapes.hasJapanese(title) ? title : fmTitle;
            } else {
                title = fmTitle;
            }
        }
        for (String alias : matter.aliases()) {
            if (LineShapes.hasJapanese(alias) && titleJa == null) {
                titleJa = LineShapes.asTitle(alias, MAX_TITLE_LENGTH);
            } else if (!LineShapes.hasJapanese(alias) && (title == null || LineShapes.hasJapanese(title))) {
                title = LineShapes.asTitle(alias, MAX_TITLE_LENGTH);
            }
        }
        if (blank(title) && blank(titleJa) && name.isPresent() && !name.get().title().isBlank()) {
            title = name.get().title();
            if (LineShapes.hasJapanese(title)) {
                titleJa = title;
            }
            warnings.add(TITLE_FROM_FILE_NAME);
        }
        LocalDate date = matter.date() != null ? matter.date()
                : p.sourceDate() != null ? p.sourceDate() : name.map(NameParts::date).orElse(null);
        String summary = p.summary() != null ? p.summary() : description(matter, title);
        List<String> urls = new ArrayList<>(union(p.urls(), matter.urls()));
        String arxivId = p.arxivId() != null ? p.arxivId() : matter.arxivId();
        String presenter = p.presenter() != null ? p.presenter() : blankToNull(matter.writer());
        List<String> authors = p.authors().isEmpty() ? matter.authors() : p.authors();
        return new ParsedPaper(title, titleJa, arxivId, urls, authors, presenter, p.kind(), date, p.format(), summary,
                p.sections(), p.body(), union(p.tags(), matter.tags()), p.references(), p.venue(), p.year());
    }

    private static String description(FrontMatter matter, String title) {
        String d = matter.description();
        if (d == null || d.isBlank() || d.equalsIgnoreCase(title)) {
            return null;
        }
        String lower = d.strip().toLowerCase(Locale.ROOT);
        return PLACEHOLDER_DESCRIPTIONS.stream().anyMatch(lower::startsWith) ? null : d.strip();
    }

    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }

    /** What a file name such as {@code posts/2017-03-13-Deep-Learning-applied-to-NLP.md} says. */
    record NameParts(String title, LocalDate date) {

        static Optional<NameParts> of(String documentName) {
            if (documentName == null || documentName.isBlank()) {
                return Optional.empty();
            }
            String base;
            try {
                Path file = Path.of(documentName.strip()).getFileName();
                base = file == null ? documentName.strip() : file.toString();
            } catch (InvalidPathException e) {
                base = documentName.strip();
            }
            base = EXTENSION.matcher(base).replaceFirst("");
            LocalDate date = null;
            Matcher m = NAME_DATE.matcher(base);
            if (m.find()) {
                date = ParsableText.dateIn(m.group(1) + "-" + m.group(2) + "-" + m.group(3)).orElse(null);
                if (date != null) {
                    base = base.substring(m.end());
                }
            }
            String title = base.replaceAll("[-_]+", " ").replaceAll("\\s+", " ").strip();
            if (GENERIC_NAMES.contains(title.toLowerCase(Locale.ROOT))) {
                title = "";
            }
            return Optional.of(new NameParts(title, date));
        }
    }
}
