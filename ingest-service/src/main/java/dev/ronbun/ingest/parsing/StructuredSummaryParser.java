package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads Markdown with one structured summary per paper: {@code # English title}, a link line such as
 * {@code [View Paper](https://arxiv.org/abs/…)}, then {@code ## N. question} sections ending with a tweet-sized
 * summary; papers are separated by {@code ---}. A {@code #} heading inside a section (or a code block) is not a paper:
 * a paper starts only at a top heading followed by a link line, or at the first top heading after a separator whose
 * numbered sections start afresh.
 */
public final class StructuredSummaryParser implements DocumentParser {

    private static final Pattern NUMBERED = Pattern.compile("^(?:Q|問)?(\\d{1,3})(?:\\s*[.．、):）]|\\s)");
    /** How many lines below a title its link line may sit, blank lines included. */
    private static final int LINK_LINE_REACH = 4;
    private static final int MAX_TWEET = 200;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.STRUCTURED_SUMMARY;
    }

    @Override
    public double detect(ParsableText text) {
        Outline outline = Outline.of(text.lines());
        if (outline.starts.isEmpty() || outline.numberedSectionHeadings < 2) {
            return 0;
        }
        if (outline.linkedStarts > 0) {
            return 0.6 + 0.1 * Math.min(outline.starts.size(), 3);
        }
        boolean separatedPapers = outline.starts.size() >= 2 && outline.separators > 0;
        return separatedPapers ? 0.5 + 0.1 * Math.min(outline.starts.size(), 3) : 0;
    }

    @Override
    public List<ParsedPaper> parse(ParsableText text) {
        List<String> lines = text.lines();
        Outline outline = Outline.of(lines);
        LocalDate date = text.documentDate().orElse(null);
        List<ParsedPaper> papers = new ArrayList<>();
        for (int p = 0; p < outline.starts.size(); p++) {
            int start = outline.starts.get(p);
            int end = p + 1 < outline.starts.size() ? outline.starts.get(p + 1) : lines.size();
            end = outline.paperEnd(start, end);
            PaperDraft draft = readPaper(lines, outline.inFence, start, end);
            if (draft.hasTitle()) {
                draft.sourceDate = date;
                papers.add(draft.toPaper(format()));
            }
        }
        return papers;
    }

    private static PaperDraft readPaper(List<String> lines, boolean[] inFence, int start, int end) {
        PaperDraft draft = new PaperDraft();
        draft.titleAsWritten(Links.withoutLinks(LineShapes.headingText(lines.get(start))));

        List<Integer> sectionStarts = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            if (!inFence[i] && LineShapes.headingLevel(lines.get(i)) == 2) {
                sectionStarts.add(i);
            }
        }
        int headerEnd = sectionStarts.isEmpty() ? end : sectionStarts.getFirst();
        List<String> headerUrls = Links.in(lines, start, headerEnd);
        draft.urls.addAll(headerUrls);
        draft.arxivId = Links.arxivIdAmong(headerUrls).orElse(null);

        for (int s = 0; s < sectionStarts.size(); s++) {
            int from = sectionStarts.get(s);
            int to = s + 1 < sectionStarts.size() ? sectionStarts.get(s + 1) : end;
            draft.sections.add(new Section(LineShapes.headingText(lines.get(from)), LineShapes.join(lines, from + 1, to)));
        }
        draft.references.addAll(ReferenceList.fromReferenceSections(draft.sections));
        draft.summary = tweet(draft.sections);
        if (draft.summary == null) {
            draft.summary = Summaries.summarySection(draft.sections).map(s -> Summaries.firstParagraph(s.text()))
                    .orElseGet(() -> Summaries.firstParagraph(LineShapes.join(lines, start + 1, end).lines()
                            .filter(line -> !Links.isLinkLine(line)).collect(Collectors.joining("\n"))));
        }
        draft.body = LineShapes.join(lines, start + 1, end);
        return draft;
    }

    /** The tweet-sized section: named as a tweet, else a short last section. */
    private static String tweet(List<Section> sections) {
        for (int s = sections.size() - 1; s >= 0; s--) {
            if (Summaries.isTweetHeading(sections.get(s).heading()) && !sections.get(s).text().isBlank()) {
                return Summaries.firstParagraph(sections.get(s).text());
            }
        }
        if (!sections.isEmpty()) {
            Section last = sections.getLast();
            if (!last.text().isBlank() && LineShapes.length(last.text()) <= MAX_TWEET && sections.size() >= 3) {
                return last.text();
            }
        }
        return null;
    }

    /** Where the papers of a structured-summary document start and end. */
    private static final class Outline {

        final List<String> lines;
        final boolean[] inFence;
        final boolean[] separator;
        final List<Integer> starts = new ArrayList<>();
        int linkedStarts;
        int numberedSectionHeadings;
        int separators;

        private Outline(List<String> lines) {
            this.lines = lines;
            this.inFence = LineShapes.insideFences(lines);
            this.separator = new boolean[lines.size()];
        }

        static Outline of(List<String> lines) {
            Outline outline = new Outline(lines);
            outline.find();
            return outline;
        }

        private void find() {
            List<Integer> topHeadings = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (inFence[i]) {
                    continue;
                }
                String line = lines.get(i);
                separator[i] = LineShapes.isThematicBreak(line);
                if (separator[i]) {
                    separators++;
                }
                int level = LineShapes.headingLevel(line);
                if (level == 1) {
                    topHeadings.add(i);
                } else if (level == 2) {
                    if (NUMBERED.matcher(LineShapes.headingText(line)).find()) {
                        numberedSectionHeadings++;
                    }
                }
            }
            boolean[] linked = new boolean[lines.size()];
            for (int h : topHeadings) {
                if (hasLinkLineBelow(h)) {
                    linked[h] = true;
                }
            }
            boolean chunkHasStart = false;
            boolean firstInChunkSeen = false;
            int topIndex = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (separator[i]) {
                    chunkHasStart = false;
                    firstInChunkSeen = false;
                    continue;
                }
                if (topIndex < topHeadings.size() && topHeadings.get(topIndex) == i) {
                    topIndex++;
                    if (linked[i]) {
                        starts.add(i);
                        linkedStarts++;
                        chunkHasStart = true;
                    } else if (!chunkHasStart && !firstInChunkSeen && sectionsStartAfresh(i)) {
                        starts.add(i);
                        chunkHasStart = true;
                    }
                    firstInChunkSeen = true;
                }
            }
        }

        private boolean hasLinkLineBelow(int heading) {
            int limit = Math.min(lines.size(), heading + 1 + LINK_LINE_REACH);
            for (int i = heading + 1; i < limit; i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                return !inFence[i] && Links.isLinkLine(line);
            }
            return false;
        }

        /**
         * Whether the first {@code ##} heading after this top heading (before the next separator) is a first
         * section: unnumbered or numbered 1. A heading inside section 5 is followed by "## 6." and is no paper.
         */
        private boolean sectionsStartAfresh(int heading) {
            for (int i = heading + 1; i < lines.size(); i++) {
                if (separator[i]) {
                    return false;
                }
                if (inFence[i]) {
                    continue;
                }
                String line = lines.get(i);
                int level = LineShapes.headingLevel(line);
                if (level == 1) {
                    return false;
                }
                if (level == 2) {
                    Matcher number = NUMBERED.matcher(LineShapes.headingText(line));
                    return !number.find() || number.group(1).equals("1");
                }
            }
            return false;
        }

        /**
         * Where the paper starting at {@code start} ends, given that the next one starts at {@code next}: text after
         * the last separator before the next paper that has no section of its own (a writer's aside such as "以下に回答を
         * 記述します") belongs to neither paper.
         */
        int paperEnd(int start, int next) {
            int end = next;
            for (int i = next - 1; i > start; i--) {
                if (inFence[i]) {
                    continue;
                }
                if (LineShapes.headingLevel(lines.get(i)) == 2) {
                    break;
                }
                if (separator[i]) {
                    end = i;
                }
            }
            while (end > start + 1 && (lines.get(end - 1).isBlank() || (!inFence[end - 1] && separator[end - 1]))) {
                end--;
            }
            return end;
        }
    }
}
