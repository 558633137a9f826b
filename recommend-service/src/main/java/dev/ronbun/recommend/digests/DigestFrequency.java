package dev.ronbun.recommend.digests;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How often a reader gets a digest; {@code off} keeps the address but sends nothing. */
public enum DigestFrequency {
    DAILY, WEEKLY, OFF;

    /** The name in requests, answers and the database: {@code daily}, {@code weekly}, {@code off}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DigestFrequency> fromWire(String value) {
        return Arrays.stream(values()).filter(f -> f.wireName().equals(value)).findFirst();
    }

    /**
     * The latest moment at or before {@code now} from which a digest of this frequency is due: today's (or the last
     * send day's) send hour. A reader whose last digest went out before it gets one now.
     */
    public Instant latestSlot(Instant now, int sendHour, DayOfWeek sendDay, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(sendHour, 0).atZone(zone);
        switch (this) {
            case DAILY -> {
                if (slot.isAfter(local)) {
                    slot = slot.minusDays(1);
                }
            }
            case WEEKLY -> {
                slot = slot.with(TemporalAdjusters.previousOrSame(sendDay));
                if (slot.isAfter(local)) {
                    slot = slot.minusWeeks(1);
                }
            }
            case OFF -> throw new IllegalStateException("a digest that is off is never due");
        }
        return slot.toInstant();
    }

    /** How far back the first digest reaches, when none was sent before: one period. */
    public Duration period() {
        return this == WEEKLY ? Duration.ofDays(7) : Duration.ofDays(1);
    }
}
