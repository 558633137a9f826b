package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the study group talks about: the Kuromoji keywords of the papers, counted per week (a paper counts in the
 * week the group first wrote about it) and over the whole corpus.
 */
@ApplicationScoped
public class KeywordTrends {

    private static final Comparator<KeywordTrend> FASTEST_RISING_FIRST = Comparator
            .comparingInt(KeywordTrend::rise).reversed()
            .thenComparing(Comparator.comparingInt(KeywordTrend::thisWeek).reversed())
            .thenComparing(Comparator.comparingInt(KeywordTrend::papers).reversed())
            .thenComparing(KeywordTrend::term);

    private final PaperCorpus corpus;
    private final StudyGroupCalendar calendar;

    public KeywordTrends(PaperCorpus corpus, StudyGroupCalendar calendar) {
        this.corpus = corpus;
        this.calendar = calendar;
    }

    /** The {@code top} keywords that rose most from the week before the latest to the latest week with papers. */
    public TrendingKeywords trending(int weeks, int top) {
        return trending(corpus.snapshot().papers(), weeks, top);
    }

    TrendingKeywords trending(List<PaperEvent> papers, int weeks, int top) {
        List<Dated> dated = new ArrayList<>();
        for (PaperEvent paper : papers) {
            calendar.firstWrittenOn(paper)
                    .ifPresent(day -> dated.add(new Dated(StudyGroupCalendar.weekOf(day), terms(paper))));
        }
        Optional<LocalDate> lastWeek = dated.stream().map(Dated::week).max(Comparator.naturalOrder());
        if (lastWeek.isEmpty()) {
            return new TrendingKeywords(List.of(), List.of());
        }
        List<LocalDate> shown = StudyGroupCalendar.weeksEndingWith(lastWeek.get(), weeks);
        Map<String, int[]> counts = new HashMap<>();
        for (Dated paper : dated) {
            int slot = (int) ChronoUnit.WEEKS.between(shown.getFirst(), paper.week());
            if (slot >= 0 && slot < weeks) {
                for (String term : paper.terms()) {
                    counts.computeIfAbsent(term, k -> new int[weeks])[slot]++;
                }
            }
        }
        List<KeywordTrend> ranked = counts.entrySet().stream()
                .map(e -> trend(e.getKey(), e.getValue()))
                .sorted(FASTEST_RISING_FIRST)
                .limit(top)
                .toList();
        return new TrendingKeywords(shown, ranked);
    }

    /** The keywords most papers carry, for picking interests: most common first, ties by term. */
    public List<KeywordCount> popular(int n) {
        Map<String, Integer> papers = new HashMap<>();
        for (PaperEvent paper : corpus.snapshot().papers()) {
            for (String term : terms(paper)) {
                papers.merge(term, 1, Integer::sum);
            }
        }
        return papers.entrySet().stream()
                .map(e -> new KeywordCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(KeywordCount::papers).reversed().thenComparing(KeywordCount::term))
                .limit(n)
                .toList();
    }

    /** The papers that carry exactly this keyword, newest first. */
    public List<PaperEvent> papersWith(String term, int limit) {
        String wanted = term.strip();
        return corpus.snapshot().papers().stream()
                .filter(paper -> paper.keywords().stream().anyMatch(k -> k.term().equalsIgnoreCase(wanted)))
                .limit(limit)
                .toList();
    }

    private static Set<String> terms(PaperEvent paper) {
        Set<String> terms = new LinkedHashSet<>();
        for (Keyword keyword : paper.keywords()) {
            if (keyword.term() != null && !keyword.term().isBlank()) {
                terms.add(keyword.term());
            }
        }
        return terms;
    }

    private static KeywordTrend trend(String term, int[] counts) {
        int weeks = counts.length;
        int thisWeek = counts[weeks - 1];
        int lastWeek = weeks > 1 ? counts[weeks - 2] : 0;
        int papers = 0;
        for (int c : counts) {
            papers += c;
        }
        return new KeywordTrend(term, Arrays.stream(counts).boxed().toList(), thisWeek, lastWeek,
                thisWeek - lastWeek, papers);
    }

    private record Dated(LocalDate week, Set<String> terms) {
    }
}
