package dev.ronbun.recommend.analytics;

import java.util.List;

/**
 * How often one keyword came up per week: the number of papers first written about that week that carry it.
 *
 * @param counts   papers per week, oldest first (the sparkline)
 * @param thisWeek papers in the last week shown
 * @param lastWeek papers in the week before it
 * @param rise     {@code thisWeek - lastWeek}: what the keywords are ranked by
 * @param papers   papers with this keyword in all the weeks shown
 */
public record KeywordTrend(String term, List<Integer> counts, int thisWeek, int lastWeek, int rise, int papers) {
}
