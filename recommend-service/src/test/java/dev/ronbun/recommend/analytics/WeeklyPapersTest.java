package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WeeklyPapersTest {

    private final WeeklyPapers weekly = new WeeklyPapers(null, new StudyGroupCalendar(ZoneId.of("Asia/Tokyo")));

    @Test
    void countsEachPaperOncePerDocumentInTheWeekOfTheDocumentDate() {
        List<PaperEvent> papers = List.of(
                paper("a", Instant.parse("2026-03-01T00:00:00Z"),
                        summary("study-group-notes", "notes-0113.txt", LocalDate.of(2026, 1, 13)),
                        summary("weekly-roundup", "pickup-12.txt", LocalDate.of(2026, 1, 18))),
                paper("b", Instant.parse("2026-03-01T00:00:00Z"),
                        summary("study-group-notes", "notes-0120.txt", LocalDate.of(2026, 1, 20))));

        PapersPerWeek counts = weekly.count(papers, 3, CountBasis.DOCUMENT);

        assertThat(counts.weeks()).containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 1, 19));
        assertThat(counts.byFormat()).containsExactly(
                new CountSeries("study-group-notes", List.of(0, 1, 1)),
                new CountSeries("weekly-roundup", List.of(0, 1, 0)));
        assertThat(counts.bySource()).extracting(CountSeries::name)
                .containsExactly("notes-0113.txt", "notes-0120.txt", "pickup-12.txt");
        assertThat(counts.total()).isEqualTo(3);
    }

    @Test
    void theIngestedBasisCountsTheDayThePaperWasFirstSeenInTokyo() {
        // Sunday 16:30 UTC is Monday 01:30 in Tokyo: the next week.
        PaperEvent paper = paper("a", Instant.parse("2026-01-11T16:30:00Z"),
                summary("generic", "notes.md", LocalDate.of(2025, 12, 1)));

        PapersPerWeek counts = weekly.count(List.of(paper), 1, CountBasis.INGESTED);

        assertThat(counts.weeks()).containsExactly(LocalDate.of(2026, 1, 12));
        assertThat(counts.byFormat()).containsExactly(new CountSeries("generic", List.of(1)));
    }

    @Test
    void aSummaryWithoutADocumentDateCountsWhenThePaperWasFirstSeen() {
        PaperEvent paper = paper("a", Instant.parse("2026-02-03T03:00:00Z"), summary("generic", "notes.md", null));

        assertThat(weekly.count(List.of(paper), 1, CountBasis.DOCUMENT).weeks()).containsExactly(LocalDate.of(2026, 2, 2));
    }

    @Test
    void documentsBeyondTheTenthAreSummedAsOther() {
        List<PaperEvent> papers = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> papers.add(paper("p" + i, Instant.parse("2026-03-01T00:00:00Z"),
                summary("generic", "doc-" + (char) ('a' + i) + ".md", LocalDate.of(2026, 2, 2)))));

        List<CountSeries> sources = weekly.count(papers, 1, CountBasis.DOCUMENT).bySource();

        assertThat(sources).hasSize(WeeklyPapers.SOURCES_SHOWN + 1);
        assertThat(sources.getLast()).isEqualTo(new CountSeries(WeeklyPapers.OTHER_SOURCES, List.of(2)));
    }

    @Test
    void noPapersGiveNoWeeks() {
        PapersPerWeek counts = weekly.count(List.of(), 12, CountBasis.DOCUMENT);

        assertThat(counts.weeks()).isEmpty();
        assertThat(counts.total()).isZero();
    }

    static PaperSummary summary(String format, String documentName, LocalDate date) {
        return new PaperSummary(documentName + "#0", "d".repeat(64), documentName, format, null, date, "要約", List.of(), "本文");
    }

    static PaperEvent paper(String id, Instant firstSeen, PaperSummary... summaries) {
        return new PaperEvent(1, id, "title:" + id, "Title " + id, null, null, List.of(), List.of(), "paper",
                List.of(summaries), List.of(), new PaperEmbedding("m", "v", new float[] {1f, 0f}), firstSeen, firstSeen);
    }
}
