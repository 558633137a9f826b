package dev.ronbun.recommend.index;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets of a found paper: Lucene's {@link UnifiedHighlighter} over its title, summaries and bodies with the
 * query's analysed terms, so a match is marked exactly where BM25 found it (the same Kuromoji analysis, base forms
 * and folding included). The index stores no offsets: the few papers of a page are analysed again, which costs far
 * less than offsets for every paper would in index size.
 */
final class SearchSnippets {

    /** Most passages shown from a paper's summaries, and from its bodies. */
    private static final int PASSAGES = 2;
    /** Marks closer than this (a space between 拡散 and モデル's parts, say) read as one. */
    private static final int JOIN_GAP = 1;
    /** Where in a passage its first match sits: a third of the way in, so the reader sees what leads to it. */
    private static final float FIRST_MATCH_AT = 0.3f;

    private final Analyzer analyzer;
    private final int length;

    /**
     * @param analyzer the analyser the index reads text with (the highlighter analyses each text again)
     * @param length   characters a passage aims at
     */
    SearchSnippets(Analyzer analyzer, int length) {
        this.analyzer = analyzer;
        this.length = length;
    }

    /** The marked passages of a paper for these analysed query terms: title first, then summaries, then bodies. */
    List<Snippet> of(PaperEvent paper, Collection<String> terms) {
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.forEach(term -> builder.add(new TermQuery(new Term(PaperDocuments.TEXT, term)), Occur.SHOULD));
        Query query = builder.build();
        List<Snippet> snippets = new ArrayList<>();
        snippets.addAll(highlight("title", joined(Stream.of(paper.title(), paper.titleJa())), query, 1,
                BreakIterator.getSentenceInstance(Locale.ROOT)));
        snippets.addAll(highlight("summary", joined(paper.summaries().stream().map(PaperSummary::summary)), query,
                PASSAGES, passages()));
        for (Snippet body : highlight("body", joined(paper.summaries().stream().map(PaperSummary::body)), query,
                PASSAGES, passages())) {
            // a body that repeats its summary (a short note is both) shows once
            if (snippets.stream().noneMatch(shown -> overlaps(shown.text(), body.text()))) {
                snippets.add(body);
            }
        }
        return snippets;
    }

    private BreakIterator passages() {
        return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.JAPANESE),
                length, FIRST_MATCH_AT);
    }

    private List<Snippet> highlight(String field, String text, Query query, int passages, BreakIterator breaks) {
        if (text.isBlank()) {
            return List.of();
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withBreakIterator(() -> breaks)
                .withFormatter(new SnippetFormatter(field, length))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(Math.max(text.length(), 1))
                .build();
        try {
            Object found = highlighter.highlightWithoutSearcher(PaperDocuments.TEXT, query, text, passages);
            if (found instanceof List<?> list) {
                return list.stream().map(Snippet.class::cast).toList();
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when one passage holds the other (ellipses aside): a body that begins with its summary, say. */
    private static boolean overlaps(String a, String b) {
        String x = a.replace("…", "").strip();
        String y = b.replace("…", "").strip();
        return x.contains(y) || y.contains(x);
    }

    private static String joined(Stream<String> texts) {
        return texts.filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    /**
     * Turns the highlighter's passages into {@link Snippet}s: the passage's text with its match ranges, cut down to
     * about the goal length around its first match when a sentence runs longer, joined where marks touch.
     */
    private static final class SnippetFormatter extends PassageFormatter {

        private final String field;
        private final int length;

        SnippetFormatter(String field, int length) {
            this.field = field;
            this.length = length;
        }

        @Override
        public Object format(Passage[] passages, String content) {
            List<Snippet> snippets = new ArrayList<>();
            for (Passage passage : passages) {
                if (passage.getNumMatches() > 0) {
                    snippets.add(snippet(passage, content));
                }
            }
            return snippets;
        }

        private Snippet snippet(Passage passage, String content) {
            int from = passage.getStartOffset();
            int to = passage.getEndOffset();
            int firstMatch = passage.getMatchStarts()[0];
            // a long sentence: keep a little before the first match and the goal length after it
            if (to - from > length * 2) {
                from = Math.max(from, firstMatch - length / 3);
                to = Math.min(to, from + length * 2);
            }
            String prefix = from > passage.getStartOffset() ? "…" : "";
            String suffix = to < passage.getEndOffset() ? "…" : "";
            String text = prefix + content.substring(from, to).strip() + suffix;
            int shift = prefix.length() - from - leadingSpace(content, from, to);
            List<Snippet.Mark> marks = new ArrayList<>();
            for (int m = 0; m < passage.getNumMatches(); m++) {
                int start = passage.getMatchStarts()[m];
                int end = passage.getMatchEnds()[m];
                if (start < from || end > to) {
                    continue;
                }
                Snippet.Mark mark = new Snippet.Mark(start + shift, end + shift);
                Snippet.Mark last = marks.isEmpty() ? null : marks.getLast();
                if (last != null && mark.start() <= last.end() + JOIN_GAP
                        && text.substring(last.end(), Math.max(last.end(), mark.start())).isBlank()) {
                    marks.set(marks.size() - 1, new Snippet.Mark(last.start(), Math.max(last.end(), mark.end())));
                } else if (last == null || mark.start() >= last.end()) {
                    marks.add(mark);
                }
            }
            return new Snippet(field, text, List.copyOf(marks));
        }

        private static int leadingSpace(String content, int from, int to) {
            int spaces = 0;
            while (from + spaces < to && Character.isWhitespace(content.charAt(from + spaces))) {
                spaces++;
            }
            return spaces;
        }
    }
}
