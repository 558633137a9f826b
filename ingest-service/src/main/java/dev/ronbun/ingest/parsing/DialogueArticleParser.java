package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import dev.ronbun.contracts.events.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dialogue-style article about one paper: reading time and view count, a Japanese title line with the English
 * title in parentheses on the next line, advertising, a dialogue between two speakers (name on one line, utterance on
 * the next), then numbered sections ("1.概要と位置づけ", …) and a few unnumbered ones, then site navigation. The body
 * keeps the dialogue and the sections; reading time, view count, advertising and navigation are dropped.
 */
public final class DialogueArticleParser implements DocumentParser {

    private static final Pattern READING_TIME = Pattern.compile("^\\d{1,3}\\s*(?:分で読(?:了|める)|分|min(?:ute)?s?(?:\\s+read)?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VIEW_COUNT = Pattern.compile("^[\\d,.]{1,15}\\s*(?:k\\s*)?(?:views?|回閲覧|閲覧|pv)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHESISED = Pattern.compile("^[(（]\\s*([^()（）]{3,300}?)\\s*[)）]$");
    private static final Pattern NUMBERED_SECTION = Pattern.compile("^(\\d{1,2})\\s*[.．、)）]\\s*(\\S.*)$");
    /** The title is looked for among this many non-blank lines at the top. */
    private static final int TITLE_REACH = 40;
    private static final int MAX_SPEAKER = 20;
    private static final int MIN_UTTERANCE = 30;
    private static final int MAX_SECTION_HEADING = 40;
    private static final int MAX_PLAIN_HEADING = 30;
    private static final int SHORT_LINE = 24;
    /** Two of the three marks (title pair, dialogue, numbered sections) are needed: one alone is too common. */
    private static final double MIN_EVIDENCE = 0.6;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.DIALOGUE_ARTICLE;
    }

    @Override
    public double detect(ParsableText text) {
        Article article = Article.read(text.lines());
        double score = 0;
        if (article.titlePair) {
            score += 0.35;
        }
        if (article.speakers.size() >= 2 && article.turns >= 4) {
            score += 0.35;
        }
        if (article.numberedSections >= 2) {
            score += 0.25;
        }
        return score >= MIN_EVIDENCE ? score : 0;
    }

    @Override
    public List<ParsedPaper> parse(ParsableText text) {
        Article article = Article.read(text.lines());
        List<String> lines = article.lines;
        if (article.titleLine < 0) {
            return List.of();
        }
        PaperDraft draft = new PaperDraft();
        if (article.titlePair) {
            draft.titleJa = lines.get(article.titleLine).strip();
            draft.title = article.englishTitle;
        } else {
            draft.titleAsWritten(lines.get(article.titleLine));
        }
        draft.sourceDate = text.documentDate().orElse(null);

        String body = article.keptText(article.bodyStart, article.bodyEnd);
        for (int h = 0; h < article.headings.size(); h++) {
            int from = article.headings.get(h);
            int to = h + 1 < article.headings.size() ? article.headings.get(h + 1) : article.bodyEnd;
            draft.sections.add(new Section(lines.get(from).strip(), article.keptText(from + 1, to)));
        }
        List<String> urls = Links.in(body);
        draft.urls.addAll(urls);
        draft.arxivId = Links.arxivIdAmong(urls).or(() -> Links.arxivIdCitedIn(body)).orElse(null);
        draft.summary = Summaries.summarySection(draft.sections)
                .or(() -> draft.sections.stream().filter(s -> !s.text().isBlank()).findFirst())
                .map(s -> Summaries.firstParagraph(s.text()))
                .orElseGet(() -> Summaries.firstParagraph(body));
        draft.body = body;
        return draft.hasTitle() ? List.of(draft.toPaper(format())) : List.of();
    }

    /** The parts of a dialogue article, found by the shape of its lines. */
    private static final class Article {

        final List<String> lines;
        final boolean[] kept;
        int titleLine = -1;
        boolean titlePair;
        String englishTitle;
        final Set<String> speakers = new HashSet<>();
        int turns;
        int numberedSections;
        final List<Integer> headings = new ArrayList<>();
        int bodyStart;
        int bodyEnd;

        private Article(List<String> lines) {
            this.lines = lines.stream().map(LineShapes::plain).toList();
            this.kept = new boolean[lines.size()];
        }

        static Article read(List<String> lines) {
            Article article = new Article(lines);
            article.findTitle();
            article.findDialogue();
            article.findSectionsAndEnd();
            article.dropNoise();
            return article;
        }

        private void findTitle() {
            int seen = 0;
            int firstText = -1;
            for (int i = 0; i < lines.size() && seen < TITLE_REACH; i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || isMeta(line)) {
                    continue;
                }
                seen++;
                if (firstText < 0) {
                    firstText = i;
                }
                int next = LineShapes.nextNonBlank(lines, i + 1);
                if (next >= lines.size() || !LineShapes.hasJapanese(line) || PARENTHESISED.matcher(line).matches()
                        || LineShapes.length(line) > 200) {
                    continue;
                }
                Matcher english = PARENTHESISED.matcher(lines.get(next).strip());
                if (english.matches() && LineShapes.latinShare(english.group(1)) >= 0.6) {
                    titleLine = i;
                    titlePair = true;
                    englishTitle = english.group(1).strip();
                    bodyStart = next + 1;
                    return;
                }
            }
            titleLine = firstText;
            bodyStart = firstText + 1;
        }

        /**
         * Speakers are short lines that recur, each time followed by a long utterance; a line that recurs far less
         * often than the most frequent speaker (a repeated advertising caption) is no speaker.
         */
        private void findDialogue() {
            if (titleLine < 0) {
                return;
            }
            Map<String, Integer> turnsBySpeaker = new HashMap<>();
            for (int i = bodyStart; i < lines.size(); i++) {
                if (isSpeakerTurn(i)) {
                    turnsBySpeaker.merge(lines.get(i).strip(), 1, Integer::sum);
                }
            }
            int most = turnsBySpeaker.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int least = Math.max(2, (most + 2) / 3);
            turnsBySpeaker.forEach((speaker, count) -> {
                if (count >= least) {
                    speakers.add(speaker);
                    turns += count;
                }
            });
            if (speakers.size() < 2) {
                speakers.clear();
                turns = 0;
                return;
            }
            for (int i = bodyStart; i < lines.size(); i++) {
                if (speakers.contains(lines.get(i).strip()) && isSpeakerTurn(i)) {
                    bodyStart = i;
                    return;
                }
            }
        }

        private boolean isSpeakerTurn(int i) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || LineShapes.length(line) > MAX_SPEAKER || LineShapes.endsLikeSentence(line)
                    || line.contains("。") || line.contains("、") || isMeta(line)
                    || (Character.isDigit(line.charAt(0)) && NUMBERED_SECTION.matcher(line).matches())) {
                return false;
            }
            int next = LineShapes.nextNonBlank(lines, i + 1);
            return next < lines.size() && LineShapes.length(lines.get(next).strip()) >= MIN_UTTERANCE;
        }

        /** Numbered sections 1, 2, 3… in order, then unnumbered one-line headings, until the site navigation. */
        private void findSectionsAndEnd() {
            bodyEnd = lines.size();
            if (titleLine < 0) {
                return;
            }
            int expected = 1;
            int lastNumbered = -1;
            for (int i = bodyStart; i < lines.size(); i++) {
                String line = lines.get(i);
                if (LineShapes.indentOf(line) > 0 || !standsAlone(i)) {
                    continue;
                }
                Matcher numbered = NUMBERED_SECTION.matcher(line.strip());
                if (numbered.matches() && Integer.parseInt(numbered.group(1)) == expected
                        && isHeadingText(line.strip(), MAX_SECTION_HEADING)) {
                    headings.add(i);
                    lastNumbered = i;
                    expected++;
                }
            }
            numberedSections = headings.size();
            int searchFrom = lastNumbered >= 0 ? lastNumbered + 1 : bodyStart;
            for (int i = searchFrom; i < lines.size(); i++) {
                if (lines.get(i).isBlank() || (i > 0 && !lines.get(i - 1).isBlank())) {
                    continue;
                }
                if (isNavigationBlock(i)) {
                    bodyEnd = i;
                    break;
                }
                if (lastNumbered >= 0 && standsAlone(i) && isHeadingText(lines.get(i).strip(), MAX_PLAIN_HEADING)
                        && !speakers.contains(lines.get(i).strip())) {
                    headings.add(i);
                }
            }
            while (bodyEnd > bodyStart && lines.get(bodyEnd - 1).isBlank()) {
                bodyEnd--;
            }
        }

        /** A line with blank lines (or the document's edge) above and below it. */
        private boolean standsAlone(int i) {
            return !lines.get(i).isBlank() && (i == 0 || lines.get(i - 1).isBlank())
                    && (i + 1 >= lines.size() || lines.get(i + 1).isBlank());
        }

        private static boolean isHeadingText(String line, int maxLength) {
            return LineShapes.length(line) <= maxLength && !LineShapes.endsLikeSentence(line) && !line.contains("。");
        }

        /**
         * A run of three or more lines, mostly short, none a sentence and none a bullet: site navigation ("前の記事",
         * "関連記事", …) or an advertising block.
         */
        private boolean isNavigationBlock(int start) {
            int end = start;
            int shortAmongFirstThree = 0;
            while (end < lines.size() && !lines.get(end).isBlank()) {
                String line = lines.get(end).strip();
                if (line.endsWith("。") || LineShapes.isBullet(lines.get(end))) {
                    return false;
                }
                if (end - start < 3 && LineShapes.length(line) <= SHORT_LINE) {
                    shortAmongFirstThree++;
                }
                end++;
            }
            return end - start >= 3 && shortAmongFirstThree >= 2;
        }

        /** Keeps the body's lines except reading time, view count and advertising blocks. */
        private void dropNoise() {
            for (int i = bodyStart; i < bodyEnd; i++) {
                kept[i] = !isMeta(lines.get(i).strip());
            }
            for (int i = bodyStart; i < bodyEnd; i++) {
                if (!lines.get(i).isBlank() && (i == 0 || lines.get(i - 1).isBlank()) && isNavigationBlock(i)) {
                    while (i < bodyEnd && !lines.get(i).isBlank()) {
                        kept[i++] = false;
                    }
                }
            }
        }

        String keptText(int from, int to) {
            List<String> out = new ArrayList<>();
            boolean lastBlank = true;
            for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
                if (!kept[i]) {
                    continue;
                }
                boolean blank = lines.get(i).isBlank();
                if (blank && lastBlank) {
                    continue;
                }
                out.add(lines.get(i));
                lastBlank = blank;
            }
            return LineShapes.join(out, 0, out.size());
        }
    }

    static boolean isMeta(String line) {
        if (line.isEmpty() || line.length() > 30 || !Character.isDigit(line.charAt(0))) {
            return false;
        }
        return READING_TIME.matcher(line).matches() || VIEW_COUNT.matcher(line).matches();
    }
}
