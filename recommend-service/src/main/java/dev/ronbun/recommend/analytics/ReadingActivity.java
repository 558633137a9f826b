package dev.ronbun.recommend.analytics;

import dev.ronbun.contracts.events.ReadingType;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reading statistics from recommend-service's {@code reading_events} table (read-only, plain JDBC): events per day
 * and type, active readers, and how often a paper was read. Days are the study group's days.
 */
@ApplicationScoped
public class ReadingActivity {

    private static final String EVENTS_PER_DAY = """
            select (occurred_at at time zone ?)::date as day, lower(type) as type, count(*) as events
            from reading_events where occurred_at >= ? group by 1, 2""";
    private static final String READERS_PER_DAY = """
            select (occurred_at at time zone ?)::date as day, count(distinct reader_id) as readers
            from reading_events where occurred_at >= ? group by 1""";
    private static final String ACTIVE_READERS = """
            select count(distinct reader_id) filter (where occurred_at >= ?) as week,
                   count(distinct reader_id) filter (where occurred_at >= ?) as month,
                   (select count(*) from readers) as readers
            from reading_events""";
    private static final String PAPER_EVENTS = """
            select lower(type) as type, count(*) as events from reading_events where paper_id = ? group by 1""";
    private static final String PAPER_READERS = """
            select count(distinct reader_id) as readers from reading_events where paper_id = ?""";

    private final DataSource dataSource;
    private final StudyGroupCalendar calendar;

    public ReadingActivity(DataSource dataSource, StudyGroupCalendar calendar) {
        this.dataSource = dataSource;
        this.calendar = calendar;
    }

    public DailyReading daily(int dayCount) {
        LocalDate today = calendar.today();
        LocalDate first = today.minusDays(dayCount - 1L);
        List<LocalDate> days = first.datesUntil(today.plusDays(1)).toList();
        String zone = calendar.zone().getId();
        Map<String, int[]> byType = new LinkedHashMap<>();
        for (ReadingType type : ReadingType.values()) {
            byType.put(type.wireName(), new int[dayCount]);
        }
        int[] readers = new int[dayCount];
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement events = connection.prepareStatement(EVENTS_PER_DAY)) {
                events.setString(1, zone);
                events.setObject(2, startOf(first));
                try (ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        int slot = slot(first, rows.getObject("day", LocalDate.class), dayCount);
                        if (slot >= 0) {
                            byType.computeIfAbsent(rows.getString("type"), k -> new int[dayCount])[slot] +=
                                    rows.getInt("events");
                        }
                    }
                }
            }
            try (PreparedStatement active = connection.prepareStatement(READERS_PER_DAY)) {
                active.setString(1, zone);
                active.setObject(2, startOf(first));
                try (ResultSet rows = active.executeQuery()) {
                    while (rows.next()) {
                        int slot = slot(first, rows.getObject("day", LocalDate.class), dayCount);
                        if (slot >= 0) {
                            readers[slot] = rows.getInt("readers");
                        }
                    }
                }
            }
            try (PreparedStatement totals = connection.prepareStatement(ACTIVE_READERS)) {
                totals.setObject(1, startOf(today.minusDays(6)));
                totals.setObject(2, startOf(today.minusDays(29)));
                try (ResultSet row = totals.executeQuery()) {
                    row.next();
                    List<CountSeries> series = new ArrayList<>();
                    byType.forEach((type, counts) -> series.add(new CountSeries(type, boxed(counts))));
                    return new DailyReading(days, series, boxed(readers), row.getInt("week"), row.getInt("month"),
                            row.getInt("readers"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read reading activity: " + e.getMessage(), e);
        }
    }

    public PaperReads ofPaper(String paperId) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (ReadingType type : ReadingType.values()) {
            byType.put(type.wireName(), 0);
        }
        try (Connection connection = dataSource.getConnection()) {
            int events = 0;
            try (PreparedStatement query = connection.prepareStatement(PAPER_EVENTS)) {
                query.setString(1, paperId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byType.merge(rows.getString("type").toLowerCase(Locale.ROOT), rows.getInt("events"),
                                Integer::sum);
                        events += rows.getInt("events");
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(PAPER_READERS)) {
                query.setString(1, paperId);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return new PaperReads(paperId, events, row.getInt("readers"), byType);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reading events of paper " + paperId + ": "
                    + e.getMessage(), e);
        }
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(calendar.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static int slot(LocalDate first, LocalDate day, int dayCount) {
        long slot = ChronoUnit.DAYS.between(first, day);
        return slot >= 0 && slot < dayCount ? (int) slot : -1;
    }

    private static List<Integer> boxed(int[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
