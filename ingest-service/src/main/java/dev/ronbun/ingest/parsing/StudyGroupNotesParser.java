package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dated study-group notes: each topic is a presenter line ({@code @Name}) followed by a tagged title line
 * ({@code [論文] Title}, {@code [blog]Title}) and nested bullets; a "メインTOPIC: Title" topic carries a key/value table
 * (タイトル, 著者, 論文リンク, …). Comments such as {@code [nick] …} inside a topic are part of its text, not titles.
 */
public final class StudyGroupNotesParser implements DocumentParser {

    private static final Pattern PRESENTER = Pattern.compile("^@[ \\t]*([^@\\s][^@]{0,79})$");
    private static final Pattern TOPIC_LINE = Pattern.compile(
            "^(?:[^\\s:：]{0,12}[ \\t]?)?(?:(?i:topic)|トピック)[ \\t]*[:：][ \\t]*(\\S.*)$");
    private static final Pattern JAPANESE_KEY = Pattern.compile(
            "^(タイトル|著者|所属|論文リンク|論文URL|論文|プロジェクトページ|プロジェクト|コード|備考|学会|会議|採択|発表)"
                    + "[ \\t]*[\\t:：|]?[ \\t]*(\\S.*)$");
    private static final Pattern ENGLISH_KEY = Pattern.compile(
            "^(?i)(title|authors?|affiliations?|paper(?: link)?|arxiv|project(?: page)?|code|github|notes?|venue)"
                    + "[ \\t]*[\\t:：|][ \\t]*(\\S.*)$");
    private static final Pattern TABLE_RULE = Pattern.compile("^[|:\\- \\t]+$");
    private static final int MAX_TITLE_LINE = 400;
    private static final int MAX_HEADING = 30;
    private static final int MAX_BULLET_HEADING = 40;
    private static final int MAX_SUMMARY = 800;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.STUDY_GROUP_NOTES;
    }

    @Override
    public double detect(ParsableText text) {
        List<TopicStart> starts = topicStarts(text.lines());
        long withPresenter = starts.stream().filter(s -> s.presenter() != null || s.topicLine()).count();
        if (withPresenter == 0 && starts.size() < 2) {
            return 0;
        }
        return 0.5 + 0.1 * Math.min(starts.size(), 4) + (text.documentDate().isPresent() ? 0.05 : 0);
    }

    @Override
    public List<ParsedPaper> parse(ParsableText text) {
        List<String> lines = text.lines();
        List<TopicStart> starts = topicStarts(lines);
        LocalDate date = text.documentDate().orElse(null);
        List<ParsedPaper> papers = new ArrayList<>();
        for (int t = 0; t < starts.size(); t++) {
            TopicStart start = starts.get(t);
            int end = t + 1 < starts.size() ? starts.get(t + 1).begin() : lines.size();
            PaperDraft draft = readTopic(lines, start, end);
            if (draft.hasTitle()) {
                draft.sourceDate = date;
                papers.add(draft.toPaper(format()));
            }
        }
        return papers;
    }

    /**
     * Where a topic begins ({@code begin}: its presenter line, or its title line when it has none) and which line
     * holds its title.
     */
    private record TopicStart(int begin, int titleLine, String presenter, boolean topicLine) {
    }

    private static List<TopicStart> topicStarts(List<String> lines) {
        List<TopicStart> starts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = LineShapes.plain(lines.get(i));
            if (line.isBlank() || LineShapes.indentOf(line) > 0) {
                continue;
            }
            Matcher presenter = PRESENTER.matcher(line);
            if (line.charAt(0) == '@' && presenter.matches()) {
                int title = LineShapes.nextNonBlank(lines, i + 1);
                if (title < lines.size() && isTitleLine(LineShapes.plain(lines.get(title)))) {
                    starts.add(new TopicStart(i, title, presenter.group(1).strip(),
                            TOPIC_LINE.matcher(LineShapes.plain(lines.get(title)).strip()).matches()));
                    i = title;
                }
                continue;
            }
            if ((line.indexOf(':') >= 0 || line.indexOf('：') >= 0) && TOPIC_LINE.matcher(line).matches()) {
                starts.add(new TopicStart(i, i, null, true));
                continue;
            }
            Optional<KindTags.Tagged> tagged = line.charAt(0) == '[' || line.charAt(0) == '【'
                    ? KindTags.tagged(line) : Optional.empty();
            if (tagged.isPresent() && tagged.get().startsWithKnownKind() && !tagged.get().rest().isEmpty()) {
                starts.add(new TopicStart(i, i, null, false));
            }
        }
        return starts;
    }

    private static boolean isTitleLine(String line) {
        return LineShapes.indentOf(line) <= 2 && LineShapes.length(line) <= MAX_TITLE_LINE
                && !PRESENTER.matcher(line.strip()).matches();
    }

    private PaperDraft readTopic(List<String> lines, TopicStart start, int end) {
        PaperDraft draft = new PaperDraft();
        draft.presenter = start.presenter();
        String titleLine = LineShapes.withoutBullet(LineShapes.plain(lines.get(start.titleLine())));
        Matcher topic = TOPIC_LINE.matcher(titleLine);
        if (topic.matches()) {
            titleLine = topic.group(1);
        }
        Optional<KindTags.Tagged> tagged = KindTags.tagged(titleLine);
        if (tagged.isPresent()) {
            draft.kind = tagged.get().kind();
            titleLine = tagged.get().rest();
        }
        List<String> titleUrls = Links.in(titleLine);
        String title = Links.withoutLinks(titleLine);
        draft.titleAsWritten(title.isEmpty() && !titleUrls.isEmpty() ? titleUrls.getFirst() : title);

        int contentStart = start.titleLine() + 1;
        Map<String, String> table = new LinkedHashMap<>();
        boolean[] tableRow = tableRows(lines, contentStart, end, table);
        applyTable(draft, table);

        List<String> urls = new ArrayList<>(titleUrls);
        table.values().forEach(v -> urls.addAll(Links.in(v)));
        urls.addAll(Links.in(lines, contentStart, end));
        draft.urls.addAll(urls);
        draft.arxivId = Links.arxivIdAmong(titleUrls)
                .or(() -> Links.arxivIdAmong(paperLinks(table)))
                .or(() -> Links.arxivIdAmong(urls))
                .orElse(null);

        List<Integer> headings = headingLines(lines, contentStart, end, tableRow);
        if (!headings.isEmpty()) {
            for (int h = 0; h < headings.size(); h++) {
                int from = headings.get(h);
                int to = h + 1 < headings.size() ? headings.get(h + 1) : end;
                draft.sections.add(new Section(lines.get(from).strip(), LineShapes.join(lines, from + 1, to)));
            }
        } else {
            draft.sections.addAll(bulletSections(lines, contentStart, end));
        }
        draft.summary = summary(lines, contentStart, end, tableRow, headings, draft.sections);
        draft.body = LineShapes.join(lines, contentStart, end);
        return draft;
    }

    /** Marks the rows of key/value tables (two or more consecutive "キー値" lines) and collects their values. */
    private static boolean[] tableRows(List<String> lines, int from, int to, Map<String, String> table) {
        boolean[] row = new boolean[Math.max(0, to - from)];
        int i = from;
        while (i < to) {
            int runEnd = i;
            Map<String, String> run = new LinkedHashMap<>();
            while (runEnd < to && !lines.get(runEnd).isBlank() && LineShapes.indentOf(lines.get(runEnd)) == 0) {
                String cells = withoutOuterPipes(lines.get(runEnd).strip());
                if (TABLE_RULE.matcher(cells).matches()) {
                    runEnd++;
                    continue;
                }
                Optional<Map.Entry<String, String>> entry = keyValue(cells);
                if (entry.isEmpty()) {
                    break;
                }
                run.putIfAbsent(entry.get().getKey(), entry.get().getValue());
                runEnd++;
            }
            if (run.size() >= 2) {
                for (int r = i; r < runEnd; r++) {
                    row[r - from] = true;
                }
                run.forEach(table::putIfAbsent);
                i = runEnd;
            } else {
                i = Math.max(i + 1, runEnd);
            }
        }
        return row;
    }

    private static String withoutOuterPipes(String line) {
        String t = line;
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.strip();
    }

    private static Optional<Map.Entry<String, String>> keyValue(String line) {
        Matcher ja = JAPANESE_KEY.matcher(line);
        if (ja.matches()) {
            return Optional.of(Map.entry(canonicalKey(ja.group(1)), withoutOuterPipes(ja.group(2))));
        }
        Matcher en = ENGLISH_KEY.matcher(line);
        if (en.matches()) {
            return Optional.of(Map.entry(canonicalKey(en.group(1)), withoutOuterPipes(en.group(2))));
        }
        return Optional.empty();
    }

    private static String canonicalKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "タイトル", "title" -> "title";
            case "著者", "author", "authors" -> "authors";
            case "論文リンク", "論文url", "論文", "paper", "paper link", "arxiv" -> "paper";
            default -> k;
        };
    }

    private static void applyTable(PaperDraft draft, Map<String, String> table) {
        String title = table.get("title");
        if (title != null && !Links.withoutLinks(title).isEmpty()) {
            draft.titleJa = null;
            draft.titleAsWritten(Links.withoutLinks(title));
        }
        String authors = table.get("authors");
        if (authors != null) {
            draft.authors.addAll(AuthorList.parse(authors));
        }
    }

    private static List<String> paperLinks(Map<String, String> table) {
        String paper = table.get("paper");
        return paper == null ? List.of() : Links.in(paper);
    }

    /**
     * Section headings written as short lines of their own: at the left margin, not a bullet, not a comment, after a
     * blank line, and not a sentence.
     */
    private static List<Integer> headingLines(List<String> lines, int from, int to, boolean[] tableRow) {
        List<Integer> headings = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank() || tableRow[i - from] || LineShapes.indentOf(line) > 0 || LineShapes.isBullet(line)) {
                continue;
            }
            boolean afterBlank = i == from || lines.get(i - 1).isBlank();
            int next = LineShapes.nextNonBlank(lines, i + 1);
            if (afterBlank && next < to && looksLikeHeading(line.strip())) {
                headings.add(i);
            }
        }
        return headings;
    }

    private static boolean looksLikeHeading(String line) {
        if (LineShapes.length(line) > MAX_HEADING || LineShapes.endsLikeSentence(line) || line.contains("。")
                || line.contains("=") || line.contains("→") || line.contains("、")) {
            return false;
        }
        char first = line.charAt(0);
        return first != '(' && first != '（' && first != '※' && first != '[' && first != '【' && first != '@'
                && !Links.isLinkLine(line);
    }

    /** Top-level bullets that have nested bullets under them, e.g. "• 手法" over its details. */
    private static List<Section> bulletSections(List<String> lines, int from, int to) {
        int topIndent = Integer.MAX_VALUE;
        for (int i = from; i < to; i++) {
            if (LineShapes.isBullet(lines.get(i))) {
                topIndent = Math.min(topIndent, LineShapes.indentOf(lines.get(i)));
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (!LineShapes.isBullet(line) || LineShapes.indentOf(line) != topIndent) {
                continue;
            }
            int child = i + 1;
            while (child < to && !lines.get(child).isBlank() && LineShapes.indentOf(lines.get(child)) > topIndent) {
                child++;
            }
            String heading = LineShapes.withoutBullet(line);
            if (child > i + 1 && LineShapes.length(heading) <= MAX_BULLET_HEADING) {
                sections.add(new Section(heading, LineShapes.join(lines, i + 1, child)));
            }
        }
        return sections;
    }

    private static String summary(List<String> lines, int from, int to, boolean[] tableRow, List<Integer> headings,
            List<Section> sections) {
        Optional<Section> named = Summaries.summarySection(sections);
        if (named.isPresent()) {
            return Summaries.firstParagraph(named.get().text());
        }
        boolean[] heading = new boolean[Math.max(0, to - from)];
        headings.forEach(h -> heading[h - from] = true);
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (line.isBlank() || tableRow[i - from] || heading[i - from] || Links.isLinkLine(line)
                    || (LineShapes.indentOf(line) == 0 && KindTags.tagged(line).isPresent())) {
                continue;
            }
            int indent = LineShapes.indentOf(line);
            boolean bullet = LineShapes.isBullet(line);
            StringBuilder paragraph = new StringBuilder(LineShapes.withoutBullet(line));
            for (int c = i + 1; c < to && paragraph.length() <= MAX_SUMMARY && !lines.get(c).isBlank() && !heading[c - from]
                    && !tableRow[c - from]; c++) {
                String next = lines.get(c);
                boolean continues = bullet ? LineShapes.indentOf(next) > indent : !LineShapes.isBullet(next);
                if (!continues) {
                    break;
                }
                paragraph.append('\n').append(LineShapes.withoutBullet(next));
            }
            return paragraph.toString();
        }
        return null;
    }
}
