package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Days and weeks (Monday to Sunday) in the study group's time zone, and which day a paper or summary belongs to. */
@ApplicationScoped
public class StudyGroupCalendar {

    private final ZoneId zone;

    @Inject
    public StudyGroupCalendar(AnalyticsConfig config) {
        this.zone = config.zone();
    }

    StudyGroupCalendar(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The {@code count} Mondays that end with the week of {@code lastDay}, oldest first. */
    public static List<LocalDate> weeksEndingWith(LocalDate lastDay, int count) {
        LocalDate last = weekOf(lastDay);
        List<LocalDate> weeks = new ArrayList<>(count);
        for (int i = count - 1; i >= 0; i--) {
            weeks.add(last.minusWeeks(i));
        }
        return weeks;
    }

    /** The day a summary was written: its document's date, or else when the paper was first seen. */
    public Optional<LocalDate> writtenOn(PaperEvent paper, PaperSummary summary) {
        if (summary.sourceDate() != null) {
            return Optional.of(summary.sourceDate());
        }
        return ingestedOn(paper);
    }

    /** The day the pipeline first saw the paper. */
    public Optional<LocalDate> ingestedOn(PaperEvent paper) {
        return Optional.ofNullable(paper.firstSeenAt()).map(this::dayOf);
    }

    /** The day the study group first wrote about the paper: its earliest document date, or else when it was first seen. */
    public Optional<LocalDate> firstWrittenOn(PaperEvent paper) {
        return paper.summaries().stream().map(PaperSummary::sourceDate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .or(() -> ingestedOn(paper));
    }
}
