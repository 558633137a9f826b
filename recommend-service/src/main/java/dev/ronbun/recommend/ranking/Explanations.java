package dev.ronbun.recommend.ranking;

import dev.ronbun.contracts.Tags;
import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import dev.ronbun.contracts.events.ReadingType;
import dev.ronbun.text.JapaneseAnalyzers;
import dev.ronbun.text.KeywordFilter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The short "why" of every recommendation, in Japanese only: an English term appears only as the term itself
 * (「knowledge distillation」を共有). Related work gives its strongest reason first: a writer's next-to-read link,
 * then the distinctive concepts both papers share, then the same series or presenter, then closeness in meaning.
 */
public final class Explanations {

    private static final int CONCEPTS_SHOWN = 3;
    private static final int TITLE_SHOWN = 60;

    private Explanations() {
    }

    /**
     * Related work: the distinctive concepts the two papers share (tags both writers gave, then the keywords both
     * have, the rarer for both first, then the source's most distinctive words as more-like-this picked them that
     * the other also uses), then the same series or presenter; failing all, closeness in meaning. Generic words never
     * count (see {@link #tellsAConcept}).
     */
    public static String related(PaperEvent source, PaperEvent other, List<String> sharedTerms) {
        List<String> reasons = new ArrayList<>();
        List<String> concepts = sharedConcepts(source, other, sharedTerms);
        if (!concepts.isEmpty()) {
            reasons.add(concepts.stream().map(c -> "「" + c + "」").collect(Collectors.joining()) + "を共有しています");
        }
        sameSeriesOrPresenter(source, other).ifPresent(reasons::add);
        if (reasons.isEmpty()) {
            return "内容が近い論文です";
        }
        return String.join("。", reasons);
    }

    /**
     * True when a term may be shown as a shared concept: a keyword a person would pick (the shared stop list of
     * {@link KeywordFilter}) and a noun or name of its own (小さな or 行う are words, not concepts).
     */
    public static boolean tellsAConcept(String term) {
        if (!KeywordFilter.accepts(term)) {
            return false;
        }
        String spelled = term.toLowerCase(Locale.ROOT);
        return JapaneseAnalyzers.keywordTokens(spelled).contains(spelled);
    }

    /** Related work: the paper shown is one the source names as next to read. */
    public static String namedAsNextToRead() {
        return "次に読むべき論文として挙げられています";
    }

    /** Related work: the paper shown names the source as next to read. */
    public static String namesThisAsNextToRead() {
        return "この論文を次に読むべき論文に挙げています";
    }

    private static List<String> sharedConcepts(PaperEvent source, PaperEvent other, List<String> sharedTerms) {
        Map<String, String> shown = new LinkedHashMap<>();
        Set<String> sourceTags = source.tags().stream().map(Tags::fold)
                .collect(Collectors.toSet());
        other.tags().stream().filter(t -> sourceTags.contains(Tags.fold(t)))
                .filter(KeywordFilter::accepts)
                .forEach(t -> shown.putIfAbsent(Tags.fold(t), t));
        Map<String, Double> sourceWeights = new HashMap<>();
        source.keywords().forEach(k -> sourceWeights.merge(k.term(), k.weight(), Math::max));
        other.keywords().stream()
                .filter(k -> sourceWeights.containsKey(k.term()) && tellsAConcept(k.term()))
                .sorted(Comparator.comparingDouble((Keyword k) -> -Math.min(k.weight(), sourceWeights.get(k.term())))
                        .thenComparing(Keyword::term))
                .forEach(k -> shown.putIfAbsent(k.term().toLowerCase(Locale.ROOT), k.term()));
        sharedTerms.stream().filter(Explanations::tellsAConcept)
                .forEach(t -> shown.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
        List<String> concepts = new ArrayList<>();
        for (String concept : shown.values()) {
            if (concepts.size() == CONCEPTS_SHOWN) {
                break;
            }
            // 知識蒸留 says all that 蒸留 would: a word inside a concept already shown adds nothing
            String lower = concept.toLowerCase(Locale.ROOT);
            if (concepts.stream().noneMatch(c -> c.toLowerCase(Locale.ROOT).contains(lower))) {
                concepts.add(concept);
            }
        }
        return concepts;
    }

    /** The same series of documents (weekly-pickup-12 and -13) or the same presenter, when the papers have one. */
    private static Optional<String> sameSeriesOrPresenter(PaperEvent source, PaperEvent other) {
        Set<String> sourceSeries = source.summaries().stream().map(s -> series(s.documentName()))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Optional<String> series = other.summaries().stream().map(s -> series(s.documentName()))
                .filter(sourceSeries::contains).findFirst();
        if (series.isPresent()) {
            return Optional.of("同じシリーズ「" + series.get() + "」で紹介されています");
        }
        Set<String> sourcePresenters = source.summaries().stream().map(PaperSummary::presenter)
                .filter(p -> p != null && !p.isBlank()).map(String::strip).collect(Collectors.toSet());
        return other.summaries().stream().map(PaperSummary::presenter).filter(p -> p != null && !p.isBlank())
                .map(String::strip).filter(sourcePresenters::contains).findFirst()
                .map(p -> "同じ発表者（" + p + "）が紹介しています");
    }

    /**
     * The series a document belongs to: its name without extension, dates and numbers (weekly-pickup-13.txt and
     * weekly-pickup-12.txt are weekly-pickup). A name with nothing left, or no name, has no series.
     */
    static String series(String documentName) {
        if (documentName == null) {
            return "";
        }
        String name = documentName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String series = name.replaceAll("[0-9]+", " ").replaceAll("[\\s_\\-]+", "-").replaceAll("^-|-$", "");
        return series.codePointCount(0, series.length()) < 3 ? "" : series;
    }

    /** A personal recommendation from a paper of the reader's history. */
    public static String becauseYou(ReadingType type, String title) {
        String shown = shorten(title);
        return switch (type) {
            case LIKED -> "「" + shown + "」を気に入ったあなたに";
            case SAVED -> "「" + shown + "」を保存したあなたに";
            case OPENED -> "「" + shown + "」を開いたあなたに";
            default -> "「" + shown + "」を読んだあなたに";
        };
    }

    /** A personal recommendation from a keyword the reader chose. */
    public static String becauseYouFollow(String keyword) {
        return "「" + keyword + "」に興味があるあなたに";
    }

    /** Cold start: read by many. */
    public static String widelyRead(int readers) {
        return readers + "人の読者が読んでいます";
    }

    /** Cold start: new. */
    public static String newPaper(java.time.Instant firstSeen) {
        LocalDate day = firstSeen == null ? null : LocalDate.ofInstant(firstSeen, ZoneOffset.UTC);
        return day == null ? "新着論文" : "新着論文（" + day + " 追加）";
    }

    /** Search: the query terms a paper matched. */
    public static String matched(List<String> terms) {
        return "一致した語: " + String.join("、", terms.stream().limit(CONCEPTS_SHOWN + 2).toList());
    }

    /** Search: found by meaning only. */
    public static String semanticMatch() {
        return "検索語と意味が近い論文です";
    }

    private static String shorten(String title) {
        return title.length() <= TITLE_SHOWN ? title : title.substring(0, TITLE_SHOWN - 1) + "…";
    }
}
