package dev.ronbun.recommend.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * What readers did per day.
 *
 * @param days                    the days shown, oldest first, ending today
 * @param byType                  one series per reading type (opened, read, saved, liked, dismissed)
 * @param activeReaders           readers with at least one reading event, per day
 * @param activeReadersLast7Days  distinct readers active in the last 7 days, today included
 * @param activeReadersLast30Days distinct readers active in the last 30 days, today included
 * @param readers                 all readers known
 */
public record DailyReading(List<LocalDate> days, List<CountSeries> byType, List<Integer> activeReaders,
                           int activeReadersLast7Days, int activeReadersLast30Days, int readers) {
}
