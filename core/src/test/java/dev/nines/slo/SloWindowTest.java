package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SloWindowTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void a_month_with_the_spring_dst_change_has_743_hours() {
    Interval march =
        new CalendarWindow(CalendarPeriod.MONTH, PARIS).at(Instant.parse("2026-03-15T12:00:00Z"));

    assertThat(march.start()).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    assertThat(march.end()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
    assertThat(march.length()).isEqualTo(Duration.ofHours(743));
  }

  @Test
  void a_month_with_the_autumn_dst_change_has_745_hours() {
    Interval october =
        new CalendarWindow(CalendarPeriod.MONTH, PARIS).at(Instant.parse("2026-10-31T22:59:59Z"));

    assertThat(october.start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(october.end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(october.length()).isEqualTo(Duration.ofHours(745));
  }

  @Test
  void the_last_instant_before_local_midnight_belongs_to_the_old_month() {
    CalendarWindow month = new CalendarWindow(CalendarPeriod.MONTH, PARIS);

    assertThat(month.at(Instant.parse("2026-10-31T22:59:59Z")).end())
        .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    // midnight in Paris on 1 November is 23:00 UTC: the next month starts there
    assertThat(month.at(Instant.parse("2026-10-31T23:00:00Z")).start())
        .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
  }

  @Test
  void quarters_and_iso_weeks_follow_the_calendar_of_the_zone() {
    Interval quarter =
        new CalendarWindow(CalendarPeriod.QUARTER, ZoneId.of("UTC"))
            .at(Instant.parse("2026-05-20T00:00:00Z"));
    assertThat(quarter)
        .isEqualTo(
            new Interval(
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z")));
    assertThat(quarter.length()).isEqualTo(Duration.ofDays(91));

    // Thursday 26 November 2026: the ISO week runs Monday 23 to Monday 30
    Interval week =
        new CalendarWindow(CalendarPeriod.WEEK, ZoneId.of("America/Denver"))
            .at(Instant.parse("2026-11-26T12:00:00Z"));
    assertThat(week.start()).isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
    assertThat(week.length()).isEqualTo(Duration.ofDays(7));
    // the week of the US autumn change (1 November 2026 is a Sunday) is an hour longer
    Interval dstWeek =
        new CalendarWindow(CalendarPeriod.WEEK, ZoneId.of("America/Denver"))
            .at(Instant.parse("2026-10-28T12:00:00Z"));
    assertThat(dstWeek.length()).isEqualTo(Duration.ofHours(169));
  }

  @Test
  void a_rolling_window_ends_now_and_describes_itself_as_written() {
    RollingWindow window = new RollingWindow(Duration.ofDays(28));
    Instant now = Instant.parse("2026-10-31T10:15:00Z");

    assertThat(window.at(now)).isEqualTo(new Interval(Instant.parse("2026-10-03T10:15:00Z"), now));
    assertThat(window.describe()).isEqualTo("28d");
    assertThat(new CalendarWindow(CalendarPeriod.MONTH, PARIS).describe())
        .isEqualTo("month in Europe/Paris");
  }
}
