package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Section;
import dev.ronbun.ingest.parsing.QuestionHeadings.Reading;
import dev.ronbun.ingest.parsing.QuestionHeadings.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one paper's notes in one Markdown file: headings that are the questions of the Ochiai format (どんなもの？ …
 * 次に読むべき論文は？, in Japanese or English, numbered or not) or the sections of one paper (概要, 手法, Results, …),
 * and often a citation block ("### 論文情報・リンク"). The questions stay the sections; the answer to the first one is
 * the summary; the sixth one and reference lists give the references; the citation block gives title, authors and links.
 * A document whose questions repeat holds several papers and is left to other shapes.
 */
public final class PaperNotesParser implements DocumentParser {

    private static final Pattern HTML_COMMENT_LINE = Pattern.compile("^\\s*<!--.*-->\\s*$");
    private static final Pattern IMAGE_ONLY_LINE = Pattern.compile("^\\s*(?:!\\[[^\\]]*]\\([^)]*\\)\\s*)+$");

    @Override
    public DocumentFormat format() {
        return DocumentFormat.PAPER_NOTES;
    }

    @Override
    public double detect(ParsableText text) {
        return Outline.of(text.lines()).map(Outline::score).orElse(0.0);
    }

    @Override
    public List<ParsedPaper> parse(ParsableText text) {
        Optional<Outline> found = Outline.of(text.lines());
        if (found.isEmpty()) {
            return List.of();
        }
        Outline outline = found.get();
        List<String> lines = text.lines();
        PaperDraft draft = new PaperDraft();

        int firstSection = outline.sections.isEmpty() ? lines.size() : outline.sections.getFirst().start;
        String headingTitle = null;
        int titleLine = -1;
        for (Heading h : outline.headings) {
            if (h.line >= firstSection) {
                break;
            }
            if (h.reading.role().isEmpty() && h.reading.number() == 0) {
                headingTitle = Links.withoutLinks(LineShapes.headingText(lines.get(h.line)));
                titleLine = h.line;
                break;
            }
        }
        int preambleStart = titleLine + 1;
        String preamble = LineShapes.join(lines, preambleStart, firstSection);
        CitationBlock.Citation citation = outline.citation == null
                ? CitationBlock.read(preamble) : CitationBlock.read(outline.citation.text(lines));

        if (headingTitle != null && !headingTitle.isBlank()) {
            draft.titleAsWritten(headingTitle);
        }
        if (citation.title() != null) {
            if (!draft.hasTitle()) {
                draft.titleAsWritten(citation.title());
            } else if (LineShapes.hasJapanese(draft.title) && !LineShapes.hasJapanese(citation.title())) {
                // a Japanese title above an English citation: both names of the one paper
                draft.titleJa = draft.title;
                draft.title = LineShapes.asTitle(citation.title(), 300);
            }
        }
        draft.authors.addAll(citation.authors());
        draft.venue = citation.venue();
        draft.year = citation.year() == 0 ? null : citation.year();
        List<String> preambleUrls = Links.in(preamble);
        draft.urls.addAll(preambleUrls);
        draft.urls.addAll(citation.urls());
        List<String> ownUrls = new ArrayList<>(draft.urls);
        draft.arxivId = Optional.ofNullable(citation.arxivId())
                .or(() -> Links.arxivIdAmong(ownUrls))
                .or(() -> Links.arxivIdCitedIn(preamble))
                .orElse(null);
        draft.sourceDate = text.documentDate().orElse(null);

        String whatAnswer = null;
        for (SectionSpan span : outline.sections) {
            String heading = LineShapes.headingText(lines.get(span.start));
            String sectionText = cleaned(lines, span.start + 1, span.end);
            draft.sections.add(new Section(heading, sectionText));
            Optional<Role> role = span.reading.role();
            if (whatAnswer == null && role.isPresent() && role.get() == Role.WHAT && !sectionText.isBlank()) {
                whatAnswer = sectionText;
            }
        }
        draft.references.addAll(ReferenceList.fromReferenceSections(draft.sections));
        if (whatAnswer == null) {
            whatAnswer = Summaries.summarySection(draft.sections).map(Section::text).orElse(null);
        }
        draft.summary = whatAnswer == null ? null : Summaries.firstParagraph(withoutImages(whatAnswer));
        draft.body = cleaned(lines, titleLine + 1, lines.size());
        return List.of(draft.toPaper(format()));
    }

    /** The lines as text, without HTML comments such as Hugo's {@code <!--more-->}. */
    private static String cleaned(List<String> lines, int from, int to) {
        List<String> kept = new ArrayList<>();
        for (int i = Math.max(0, from); i < Math.min(lines.size(), to); i++) {
            if (!HTML_COMMENT_LINE.matcher(lines.get(i)).matches()) {
                kept.add(lines.get(i));
            }
        }
        return LineShapes.join(kept, 0, kept.size());
    }

    private static String withoutImages(String text) {
        return String.join("\n", text.lines().filter(line -> !IMAGE_ONLY_LINE.matcher(line).matches()).toList());
    }

    private record Heading(int line, int level, Reading reading) {
    }

    private record SectionSpan(int start, int end, Reading reading) {
    }

    private record Span(int start, int end) {
        String text(List<String> lines) {
            return LineShapes.join(lines, start + 1, end);
        }
    }

    /** The headings of the document, the level its questions sit at, and where each section and the citation lie. */
    private static final class Outline {

        final List<Heading> headings;
        final int level;
        final int questions;
        final int asked;
        final int sectionWords;
        final List<SectionSpan> sections = new ArrayList<>();
        Span citation;

        private Outline(List<Heading> headings, int level, int questions, int asked, int sectionWords) {
            this.headings = headings;
            this.level = level;
            this.questions = questions;
            this.asked = asked;
            this.sectionWords = sectionWords;
        }

        double score() {
            if (questions >= 1) {
                return 0.75 + 0.03 * Math.min(questions, 6);
            }
            if (asked >= 3) {
                return 0.7;
            }
            return 0.3;
        }

        static Optional<Outline> of(List<String> lines) {
            boolean[] inFence = LineShapes.insideFences(lines);
            List<Heading> headings = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                int level = inFence[i] ? 0 : LineShapes.headingLevel(lines.get(i));
                if (level > 0) {
                    headings.add(new Heading(i, level, QuestionHeadings.read(LineShapes.headingText(lines.get(i)))));
                }
            }
            boolean cited = headings.stream().anyMatch(h -> h.reading.role().filter(r -> r == Role.CITATION).isPresent());
            Outline best = null;
            for (int level = 1; level <= 6; level++) {
                Outline candidate = atLevel(headings, level, cited);
                if (candidate != null && (best == null || candidate.weight() > best.weight())) {
                    best = candidate;
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            best.locate(lines.size());
            return best.sections.isEmpty() ? Optional.empty() : Optional.of(best);
        }

        private int weight() {
            return 3 * questions + 2 * asked + sectionWords;
        }

        /**
         * The outline with the sections at this level, or null when the level does not read as one paper's: two
         * questions, or one beside a citation block, or three numbered questions, or three section words.
         */
        private static Outline atLevel(List<Heading> headings, int level, boolean cited) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            Set<Integer> numbers = new HashSet<>();
            int questions = 0;
            int asked = 0;
            int sectionWords = 0;
            int atLevel = 0;
            int known = 0;
            for (Heading h : headings) {
                if (h.level != level || h.reading.sub()) {
                    continue;
                }
                atLevel++;
                Reading r = h.reading;
                if (r.number() > 0 && !numbers.add(r.number())) {
                    return null; // "1." twice: the questions start again, so several papers
                }
                if (r.role().isPresent()) {
                    Role role = r.role().get();
                    known++;
                    if (role.question) {
                        if (!roles.add(role)) {
                            return null;
                        }
                        questions++;
                    } else if (role == Role.SECTION) {
                        sectionWords++;
                    }
                }
                if (r.number() > 0 && r.asks()) {
                    asked++;
                }
            }
            boolean oneMeaning = atLevel > 0 && known * 2 >= atLevel;
            if (questions >= 2 || (questions == 1 && cited) || asked >= 3 || (sectionWords >= 3 && oneMeaning)) {
                return new Outline(headings, level, questions, asked, sectionWords);
            }
            return null;
        }

        /** Finds the sections (headings at this level that name a question, a section or a new number) and the citation. */
        private void locate(int lineCount) {
            int sectionStart = -1;
            Reading sectionReading = null;
            for (int k = 0; k < headings.size(); k++) {
                Heading h = headings.get(k);
                boolean isCitation = h.reading.role().filter(role -> role == Role.CITATION).isPresent();
                if (isCitation && citation == null) {
                    if (sectionStart >= 0) {
                        sections.add(new SectionSpan(sectionStart, h.line, sectionReading));
                        sectionStart = -1;
                    }
                    citation = new Span(h.line, endOf(k, lineCount));
                    continue;
                }
                if (citation != null && h.line < citation.end()) {
                    continue;
                }
                if (h.level < level) {
                    if (sectionStart >= 0) {
                        sections.add(new SectionSpan(sectionStart, h.line, sectionReading));
                        sectionStart = -1;
                    }
                    continue;
                }
                if (h.level > level) {
                    continue;
                }
                boolean starts = !h.reading.sub() && (h.reading.role().isPresent() || h.reading.number() > 0);
                if (starts) {
                    if (sectionStart >= 0) {
                        sections.add(new SectionSpan(sectionStart, h.line, sectionReading));
                    }
                    sectionStart = h.line;
                    sectionReading = h.reading;
                }
            }
            if (sectionStart >= 0) {
                sections.add(new SectionSpan(sectionStart, lineCount, sectionReading));
            }
        }

        /** Where the block under heading k ends: at the next heading of its level or above. */
        private int endOf(int k, int lineCount) {
            Heading h = headings.get(k);
            for (int j = k + 1; j < headings.size(); j++) {
                if (headings.get(j).level <= h.level) {
                    return headings.get(j).line;
                }
            }
            return lineCount;
        }
    }
}
