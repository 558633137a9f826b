package dev.ronbun.recommend.digests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestFrequencyTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void aDailyDigestIsDueFromTodaysSendHourAndBeforeItFromYesterdays() {
        // 2026-12-05 is a Saturday; 07:00 JST is 22:00 UTC the day before
        assertThat(DigestFrequency.DAILY.latestSlot(Instant.parse("2026-12-05T01:00:00Z"), 7, DayOfWeek.MONDAY,
                TOKYO)).isEqualTo(Instant.parse("2026-12-04T22:00:00Z"));
        assertThat(DigestFrequency.DAILY.latestSlot(Instant.parse("2026-12-04T21:59:00Z"), 7, DayOfWeek.MONDAY,
                TOKYO)).isEqualTo(Instant.parse("2026-12-03T22:00:00Z"));
    }

    @Test
    void aWeeklyDigestIsDueFromTheLastSendDaysHour() {
        // Saturday 10:00 JST: the last Monday 07:00 JST was 2026-11-30
        assertThat(DigestFrequency.WEEKLY.latestSlot(Instant.parse("2026-12-05T01:00:00Z"), 7, DayOfWeek.MONDAY,
                TOKYO)).isEqualTo(Instant.parse("2026-11-29T22:00:00Z"));
        // Monday 06:59 JST: still the Monday before
        assertThat(DigestFrequency.WEEKLY.latestSlot(Instant.parse("2026-11-29T21:59:00Z"), 7, DayOfWeek.MONDAY,
                TOKYO)).isEqualTo(Instant.parse("2026-11-22T22:00:00Z"));
    }

    @Test
    void acceptsOnePlainAddressAndNamesWhatIsWrongWithOthers() {
        assertThat(EmailAddress.flaw("aoi.tanaka+ronbun@lab.example.ac.jp")).isEmpty();
        assertThat(EmailAddress.flaw("aoi@example.com\r\nBcc: eve@example.com")).get().asString().contains("改行");
        assertThat(EmailAddress.flaw("aoi@example.com\nSubject: x")).get().asString().contains("改行");
        assertThat(EmailAddress.flaw("aoi@example.com, eve@example.com")).get().asString().contains("1 つだけ");
        assertThat(EmailAddress.flaw("Aoi <aoi@example.com>")).get().asString().contains("1 つだけ");
        assertThat(EmailAddress.flaw("a@b@example.com")).get().asString().contains("1 つだけ");
        assertThat(EmailAddress.flaw("a".repeat(250) + "@example.com")).get().asString().contains("254");
        assertThat(EmailAddress.flaw("not-an-address")).get().asString().contains("name@example.com");
        assertThat(EmailAddress.flaw("aoi@localhost")).get().asString().contains("name@example.com");
        assertThat(EmailAddress.flaw("あおい@example.com")).isPresent();
        assertThat(EmailAddress.flaw("  ")).isPresent();
    }
}
