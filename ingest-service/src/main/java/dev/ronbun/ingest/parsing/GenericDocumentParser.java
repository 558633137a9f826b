package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fallback for documents of no known shape. Markdown whose top headings (the highest level used, outside code
 * blocks) read as titles of different papers (a kind tag, a link of their own) becomes one paper per top heading, its
 * sub-headings as sections; Markdown whose top headings read as the sections of one text (概要, Method, Results, …)
 * becomes one paper with those sections. Without headings, the whole text is one paper titled by its first line.
 */
public final class GenericDocumentParser implements DocumentParser {

    private static final double FALLBACK_SCORE = 0.05;
    private static final int MAX_SUMMARY = 800;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.GENERIC;
    }

    @Override
    public double detect(ParsableText text) {
        return text.isBlank() ? 0 : FALLBACK_SCORE;
    }

    @Override
    public List<ParsedPaper> parse(ParsableText text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> lines = text.lines();
        boolean[] inFence = LineShapes.insideFences(lines);
        int topLevel = 7;
        for (int i = 0; i < lines.size(); i++) {
            int level = inFence[i] ? 0 : LineShapes.headingLevel(lines.get(i));
            if (level > 0) {
                topLevel = Math.min(topLevel, level);
            }
        }
        LocalDate date = text.documentDate().orElse(null);
        List<ParsedPaper> papers = new ArrayList<>();
        if (topLevel == 7) {
            int first = LineShapes.nextNonBlank(lines, 0);
            papers.add(read(lines, inFence, first, lines.size(), 0, date, LineShapes.withoutBullet(lines.get(first))));
            return papers;
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!inFence[i] && LineShapes.headingLevel(lines.get(i)) == topLevel) {
                starts.add(i);
            }
        }
        if (starts.size() >= 2 && readsAsOneText(lines, inFence, starts)) {
            int first = starts.getFirst();
            String firstHeading = LineShapes.headingText(lines.get(first));
            boolean titled = QuestionHeadings.read(firstHeading).role().isEmpty()
                    && LineShapes.nextNonBlank(lines, 0) == first;
            // a title heading above section headings of the same level; else the sections start at the top
            papers.add(read(lines, inFence, titled ? first : -1, lines.size(), topLevel, date, firstHeading));
            return papers;
        }
        for (int p = 0; p < starts.size(); p++) {
            int start = starts.get(p);
            int end = p + 1 < starts.size() ? starts.get(p + 1) : lines.size();
            papers.add(read(lines, inFence, start, end, topLevel + 1, date, LineShapes.headingText(lines.get(start))));
        }
        return papers;
    }

    /**
     * Whether the top headings are sections of one text rather than titles of different papers: at least half of them
     * are section words or questions, and none carries a kind tag or a link line of its own.
     */
    private static boolean readsAsOneText(List<String> lines, boolean[] inFence, List<Integer> starts) {
        int sectionLike = 0;
        for (int p = 0; p < starts.size(); p++) {
            String heading = LineShapes.headingText(lines.get(starts.get(p)));
            Optional<KindTags.Tagged> tagged = KindTags.tagged(heading);
            if ((tagged.isPresent() && !tagged.get().rest().isEmpty()) || heading.contains("://")) {
                return false;
            }
            int below = LineShapes.nextNonBlank(lines, starts.get(p) + 1);
            int end = p + 1 < starts.size() ? starts.get(p + 1) : lines.size();
            if (below < end && !inFence[below] && Links.isLinkLine(lines.get(below))) {
                return false;
            }
            if (QuestionHeadings.read(heading).role().isPresent()) {
                sectionLike++;
            }
        }
        return sectionLike * 2 >= starts.size();
    }

    /** Reads lines start..end as one paper; headings of {@code sectionLevel} (0: none) become its sections. */
    private ParsedPaper read(List<String> lines, boolean[] inFence, int start, int end, int sectionLevel, LocalDate date,
            String titleLine) {
        PaperDraft draft = new PaperDraft();
        String title = titleLine;
        Optional<KindTags.Tagged> tagged = KindTags.tagged(title);
        if (tagged.isPresent() && !tagged.get().rest().isEmpty()) {
            draft.kind = tagged.get().kind();
            title = tagged.get().rest();
        }
        List<String> titleUrls = Links.in(title);
        String plainTitle = Links.withoutLinks(title);
        draft.titleAsWritten(plainTitle.isEmpty() ? titleUrls.stream().findFirst().orElse(title) : plainTitle);
        if (!draft.hasTitle()) {
            draft.titleAsWritten(LineShapes.asTitle(LineShapes.join(lines, start, end), 80));
        }
        List<String> urls = new ArrayList<>(titleUrls);
        urls.addAll(Links.in(lines, start + 1, end));
        draft.urls.addAll(urls);
        draft.arxivId = Links.arxivIdAmong(urls).orElse(null);
        draft.sourceDate = date;

        if (sectionLevel > 0) {
            List<Integer> sectionStarts = new ArrayList<>();
            for (int i = start + 1; i < end; i++) {
                int sub = inFence[i] ? 0 : LineShapes.headingLevel(lines.get(i));
                if (sub == sectionLevel) {
                    sectionStarts.add(i);
                }
            }
            for (int s = 0; s < sectionStarts.size(); s++) {
                int from = sectionStarts.get(s);
                int to = s + 1 < sectionStarts.size() ? sectionStarts.get(s + 1) : end;
                draft.sections.add(new Section(LineShapes.headingText(lines.get(from)), LineShapes.join(lines, from + 1, to)));
            }
        }
        draft.references.addAll(ReferenceList.fromReferenceSections(draft.sections));
        String body = LineShapes.join(lines, start + 1, end);
        draft.summary = Summaries.summarySection(draft.sections)
                .map(s -> Summaries.firstParagraph(s.text()))
                .orElseGet(() -> firstProse(lines, inFence, start + 1, end));
        draft.body = body.isEmpty() && sectionLevel == 0 ? LineShapes.join(lines, start, end) : body;
        return draft.toPaper(format());
    }

    /** The first paragraph that is neither a heading nor code nor a bare link. */
    private static String firstProse(List<String> lines, boolean[] inFence, int from, int to) {
        StringBuilder paragraph = new StringBuilder();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            boolean prose = !line.isBlank() && !inFence[i] && LineShapes.headingLevel(line) == 0
                    && !Links.isLinkLine(line) && !LineShapes.isThematicBreak(line);
            if (prose) {
                paragraph.append(paragraph.isEmpty() ? "" : "\n").append(LineShapes.withoutBullet(line));
                if (paragraph.length() > MAX_SUMMARY) {
                    break;
                }
            } else if (!paragraph.isEmpty()) {
                break;
            }
        }
        return paragraph.isEmpty() ? null : paragraph.toString();
    }
}
