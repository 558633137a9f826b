package dev.ronbun.ingest.parsing;

import dev.ronbun.contracts.events.DocumentFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a weekly round-up of papers: after an introduction, each paper is a Japanese headline, description
 * paragraphs, the English title on its own line, an authors line (comma-separated) and a link-label line such as
 * {@code Project | Paper | GitHub}, which ends the paper.
 */
public final class WeeklyRoundupParser implements DocumentParser {

    private static final Pattern MARKDOWN_LINK = Pattern.compile("^\\[([^\\[\\]]{1,40})]\\((https?://[^)\\s]{1,2000})\\)$");
    private static final Pattern LABEL = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} .&'’+-]{0,24}$");
    private static final Set<String> KNOWN_LABELS = Set.of("project", "project page", "paper", "github", "code", "demo",
            "arxiv", "hugging face", "huggingface", "dataset", "data", "blog", "website", "web", "video", "model",
            "models", "pdf", "slides", "colab", "コード", "論文", "プロジェクト", "デモ", "データセット");
    private static final int LONG_PARAGRAPH = 100;
    private static final int MAX_TITLE = 400;

    @Override
    public DocumentFormat format() {
        return DocumentFormat.WEEKLY_ROUNDUP;
    }

    @Override
    public double detect(ParsableText text) {
        int papers = blocks(text.lines()).size();
        return papers == 0 ? 0 : 0.5 + 0.1 * Math.min(papers, 4);
    }

    @Override
    public List<ParsedPaper> parse(ParsableText text) {
        List<String> lines = text.lines();
        LocalDate date = text.documentDate().orElse(null);
        List<ParsedPaper> papers = new ArrayList<>();
        for (Block block : blocks(lines)) {
            PaperDraft draft = read(lines, block);
            if (draft.hasTitle()) {
                draft.sourceDate = date;
                papers.add(draft.toPaper(format()));
            }
        }
        return papers;
    }

    /**
     * One paper's lines, as indexes into the document: headline (or -1), description from {@code descriptionFrom}
     * to {@code descriptionTo} (exclusive), title, authors (or -1) and link labels.
     */
    private record Block(int headline, int descriptionFrom, int descriptionTo, int title, int authors, int labels) {
    }

    private static List<Block> blocks(List<String> lines) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        List<Block> blocks = new ArrayList<>();
        int blockStart = 0;
        for (int k = 0; k < nonBlank.size(); k++) {
            if (!isLabelLine(lines.get(nonBlank.get(k)))) {
                continue;
            }
            int titleAt;
            int authorsAt = -1;
            if (k - 2 >= blockStart && AuthorList.looksLikeAuthors(lines.get(nonBlank.get(k - 1)))
                    && isTitle(lines.get(nonBlank.get(k - 2)))) {
                titleAt = k - 2;
                authorsAt = k - 1;
            } else if (k - 1 >= blockStart && isTitle(lines.get(nonBlank.get(k - 1)))) {
                titleAt = k - 1;
            } else {
                continue;
            }
            int headlineAt = -1;
            for (int i = blockStart; i + 1 < titleAt; i++) {
                if (!isParagraph(lines.get(nonBlank.get(i))) && isParagraph(lines.get(nonBlank.get(i + 1)))) {
                    headlineAt = i;
                    break;
                }
            }
            if (headlineAt < 0 && titleAt - 1 >= blockStart && !isParagraph(lines.get(nonBlank.get(titleAt - 1)))) {
                headlineAt = titleAt - 1;
            }
            int descriptionFrom = headlineAt >= 0 ? headlineAt + 1 : blockStart;
            blocks.add(new Block(
                    headlineAt >= 0 ? nonBlank.get(headlineAt) : -1,
                    descriptionFrom < titleAt ? nonBlank.get(descriptionFrom) : nonBlank.get(titleAt),
                    nonBlank.get(titleAt),
                    nonBlank.get(titleAt),
                    authorsAt >= 0 ? nonBlank.get(authorsAt) : -1,
                    nonBlank.get(k)));
            blockStart = k + 1;
        }
        return blocks;
    }

    private PaperDraft read(List<String> lines, Block block) {
        PaperDraft draft = new PaperDraft();
        if (block.headline() >= 0) {
            String headline = Links.withoutLinks(plain(lines.get(block.headline())));
            draft.titleJa = headline.isEmpty() ? null : LineShapes.asTitle(headline, MAX_TITLE);
        }
        draft.titleAsWritten(Links.withoutLinks(plain(lines.get(block.title()))));
        if (block.authors() >= 0) {
            draft.authors.addAll(AuthorList.parse(lines.get(block.authors())));
        }
        int from = block.headline() >= 0 ? block.headline() : block.descriptionFrom();
        List<String> urls = Links.in(lines, from, block.labels() + 1);
        draft.urls.addAll(urls);
        draft.arxivId = Links.arxivIdAmong(urls).orElse(null);
        String description = LineShapes.join(lines, block.descriptionFrom(), block.descriptionTo());
        draft.summary = description.contains("\n\n") ? Summaries.firstParagraph(description)
                : description.lines().findFirst().orElse("");
        draft.body = description;
        return draft;
    }

    /** A line of link labels such as "Project | Paper | GitHub" or "[Paper](https://…) | [Code](https://…)". */
    static boolean isLabelLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > 4000 || (t.length() > 30 && !t.contains("|") && !t.contains("://"))) {
            return false;
        }
        String[] items = t.split("\\|", -1);
        boolean known = false;
        for (String item : items) {
            String label = labelOf(item.strip());
            if (label == null) {
                return false;
            }
            known |= KNOWN_LABELS.contains(label.toLowerCase(Locale.ROOT));
        }
        return known;
    }

    private static String labelOf(String item) {
        if (item.isEmpty() || (item.length() > 30 && !item.contains("://"))) {
            return null;
        }
        Matcher link = MARKDOWN_LINK.matcher(item);
        String label = link.matches() ? link.group(1).strip() : Links.withoutLinks(item);
        if (label.isEmpty() || !LABEL.matcher(label).matches() || LineShapes.wordCount(label) > 3) {
            return null;
        }
        return label;
    }

    private static boolean isParagraph(String line) {
        return LineShapes.endsLikeSentence(line) || LineShapes.length(line.strip()) > LONG_PARAGRAPH;
    }

    private static boolean isTitle(String line) {
        return !LineShapes.endsLikeSentence(line) && LineShapes.length(line.strip()) <= MAX_TITLE
                && !isLabelLine(line);
    }

    private static String plain(String line) {
        return LineShapes.headingLevel(line) > 0 ? LineShapes.headingText(line) : LineShapes.withoutBullet(line);
    }
}
