package dev.ronbun.recommend.analytics;

import java.time.LocalDate;
import java.util.List;

/** Keywords rising week over week, the fastest rising first, with the Mondays of the weeks their counts cover. */
public record TrendingKeywords(List<LocalDate> weeks, List<KeywordTrend> items) {
}
