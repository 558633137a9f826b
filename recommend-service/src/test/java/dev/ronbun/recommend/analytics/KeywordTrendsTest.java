package dev.ronbun.recommend.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ronbun.contracts.events.Keyword;
import dev.ronbun.contracts.events.PaperEmbedding;
import dev.ronbun.contracts.events.PaperEvent;
import dev.ronbun.contracts.events.PaperSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordTrendsTest {

    private final KeywordTrends trends = new KeywordTrends(null, new StudyGroupCalendar(ZoneId.of("Asia/Tokyo")));

    @Test
    void ranksKeywordsByHowMuchTheyRoseFromLastWeekToThisWeek() {
        List<PaperEvent> papers = List.of(
                paper(LocalDate.of(2026, 2, 3), "状態空間モデル", "拡散モデル"),
                paper(LocalDate.of(2026, 2, 4), "状態空間モデル"),
                paper(LocalDate.of(2026, 2, 10), "拡散モデル", "蒸留"),
                paper(LocalDate.of(2026, 2, 11), "拡散モデル"),
                paper(LocalDate.of(2026, 2, 12), "拡散モデル", "蒸留"));

        TrendingKeywords trending = trends.trending(papers, 3, 10);

        assertThat(trending.weeks()).containsExactly(LocalDate.of(2026, 1, 26), LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 2, 9));
        assertThat(trending.items()).containsExactly(
                new KeywordTrend("拡散モデル", List.of(0, 1, 3), 3, 1, 2, 4),
                new KeywordTrend("蒸留", List.of(0, 0, 2), 2, 0, 2, 2),
                new KeywordTrend("状態空間モデル", List.of(0, 2, 0), 0, 2, -2, 2));
    }

    @Test
    void aPaperCountsInTheWeekTheGroupFirstWroteAboutIt() {
        PaperEvent twice = paper(LocalDate.of(2026, 2, 3), "拡散モデル");
        PaperEvent writtenAgain = new PaperEvent(1, "again", "title:again", "Again", null, null, List.of(), List.of(),
                "paper", List.of(summary(LocalDate.of(2026, 2, 10)), summary(LocalDate.of(2026, 2, 3))),
                twice.keywords(), twice.embedding(), twice.firstSeenAt(), twice.updatedAt());

        TrendingKeywords trending = trends.trending(List.of(writtenAgain), 1, 10);

        assertThat(trending.weeks()).containsExactly(LocalDate.of(2026, 2, 2));
    }

    @Test
    void keepsOnlyTheTopKeywords() {
        PaperEvent paper = paper(LocalDate.of(2026, 2, 3), "a", "b", "c", "d");

        assertThat(trends.trending(List.of(paper), 2, 2).items()).extracting(KeywordTrend::term).containsExactly("a", "b");
    }

    static PaperSummary summary(LocalDate date) {
        return new PaperSummary(date + "#0", "d".repeat(64), "notes.txt", "study-group-notes", null, date, "要約",
                List.of(), "本文");
    }

    static PaperEvent paper(LocalDate date, String... keywords) {
        Instant seen = Instant.parse("2026-03-01T00:00:00Z");
        return new PaperEvent(1, date + String.join("", keywords), "title:x", "Title", null, null, List.of(),
                List.of(), "paper", List.of(summary(date)),
                Arrays.stream(keywords).map(k -> new Keyword(k, 1.0)).toList(),
                new PaperEmbedding("m", "v", new float[] {1f, 0f}), seen, seen);
    }
}
