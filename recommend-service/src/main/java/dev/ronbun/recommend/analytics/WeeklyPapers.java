package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts what the study group summarised per week. The weeks shown end with the latest week that has a summary, so a
 * corpus of older documents still shows its history.
 */
@ApplicationScoped
public class WeeklyPapers {

    static final int SOURCES_SHOWN = 10;
    static final String OTHER_SOURCES = "その他";
    static final String UNKNOWN = "不明";

    private final PaperCorpus corpus;
    private final StudyGroupCalendar calendar;

    public WeeklyPapers(PaperCorpus corpus, StudyGroupCalendar calendar) {
        this.corpus = corpus;
        this.calendar = calendar;
    }

    public PapersPerWeek count(int weeks, CountBasis basis) {
        return count(corpus.snapshot().papers(), weeks, basis);
    }

    PapersPerWeek count(List<PaperEvent> papers, int weeks, CountBasis basis) {
        List<Counted> counted = new ArrayList<>();
        for (PaperEvent paper : papers) {
            for (PaperSummary summary : paper.summaries()) {
                Optional<LocalDate> day = basis == CountBasis.DOCUMENT
                        ? calendar.writtenOn(paper, summary) : calendar.ingestedOn(paper);
                day.ifPresent(d -> counted.add(new Counted(StudyGroupCalendar.weekOf(d),
                        nameOr(summary.format()), nameOr(summary.documentName()))));
            }
        }
        Optional<LocalDate> lastWeek = counted.stream().map(Counted::week).max(Comparator.naturalOrder());
        if (lastWeek.isEmpty()) {
            return new PapersPerWeek(basis.wireName(), List.of(), List.of(), List.of(), 0);
        }
        List<LocalDate> shown = StudyGroupCalendar.weeksEndingWith(lastWeek.get(), weeks);
        Map<String, int[]> byFormat = new HashMap<>();
        Map<String, int[]> bySource = new HashMap<>();
        int total = 0;
        for (Counted c : counted) {
            int slot = (int) ChronoUnit.WEEKS.between(shown.getFirst(), c.week());
            if (slot < 0 || slot >= weeks) {
                continue;
            }
            byFormat.computeIfAbsent(c.format(), k -> new int[weeks])[slot]++;
            bySource.computeIfAbsent(c.source(), k -> new int[weeks])[slot]++;
            total++;
        }
        return new PapersPerWeek(basis.wireName(), shown, largestFirst(byFormat, Integer.MAX_VALUE),
                largestFirst(bySource, SOURCES_SHOWN), total);
    }

    /** Series by total, largest first (ties by name); those beyond {@code shown} are summed into one. */
    static List<CountSeries> largestFirst(Map<String, int[]> counts, int shown) {
        List<CountSeries> series = counts.entrySet().stream()
                .map(e -> new CountSeries(e.getKey(), Arrays.stream(e.getValue()).boxed().toList()))
                .sorted(Comparator.comparingInt(CountSeries::total).reversed().thenComparing(CountSeries::name))
                .toList();
        if (series.size() <= shown) {
            return series;
        }
        int weeks = series.getFirst().counts().size();
        int[] rest = new int[weeks];
        for (CountSeries s : series.subList(shown, series.size())) {
            for (int i = 0; i < weeks; i++) {
                rest[i] += s.counts().get(i);
            }
        }
        List<CountSeries> kept = new ArrayList<>(series.subList(0, shown));
        kept.add(new CountSeries(OTHER_SOURCES, Arrays.stream(rest).boxed().toList()));
        return kept;
    }

    private static String nameOr(String name) {
        return name == null || name.isBlank() ? UNKNOWN : name;
    }

    private record Counted(LocalDate week, String format, String source) {
    }
}
