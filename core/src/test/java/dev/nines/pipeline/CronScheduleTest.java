package dev.nines.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static List<Instant> firesAfter(CronSchedule schedule, Instant from, int count) {
    List<Instant> fires = new ArrayList<>();
    Instant cursor = from;
    for (int i = 0; i < count; i++) {
      cursor = schedule.nextFire(cursor);
      fires.add(cursor);
    }
    return fires;
  }

  private static String problemOf(String expression) {
    try {
      CronSchedule.parse(expression, UTC);
    } catch (InvalidCronException e) {
      return e.cronField() + ": " + e.getMessage();
    }
    throw new AssertionError("'" + expression + "' was accepted");
  }

  @Test
  void a_daily_schedule_fires_at_its_time_and_the_fire_itself_is_not_next() {
    CronSchedule daily = CronSchedule.parse("0 2 * * *", UTC);

    assertThat(daily.nextFire(at("2026-03-10T01:59:59Z"))).isEqualTo(at("2026-03-10T02:00:00Z"));
    assertThat(daily.nextFire(at("2026-03-10T02:00:00Z"))).isEqualTo(at("2026-03-11T02:00:00Z"));
    assertThat(daily.previousFire(at("2026-03-10T02:00:00Z")))
        .isEqualTo(at("2026-03-10T02:00:00Z"));
    assertThat(daily.previousFire(at("2026-03-10T01:59:59Z")))
        .isEqualTo(at("2026-03-09T02:00:00Z"));
  }

  @Test
  void lists_ranges_steps_and_names_are_read() {
    CronSchedule schedule = CronSchedule.parse("*/20 9-10 * JAN-mar mon,WED", UTC);

    // 2026-01-05 is a Monday, 2026-01-07 a Wednesday
    assertThat(firesAfter(schedule, at("2026-01-05T00:00:00Z"), 7))
        .containsExactly(
            at("2026-01-05T09:00:00Z"),
            at("2026-01-05T09:20:00Z"),
            at("2026-01-05T09:40:00Z"),
            at("2026-01-05T10:00:00Z"),
            at("2026-01-05T10:20:00Z"),
            at("2026-01-05T10:40:00Z"),
            at("2026-01-07T09:00:00Z"));
    assertThat(schedule.nextFire(at("2026-03-31T11:00:00Z")))
        .as("after March the next fire is in January")
        .isEqualTo(at("2027-01-04T09:00:00Z"));
  }

  @Test
  void both_day_fields_restricted_fire_on_either_and_seven_is_sunday() {
    CronSchedule schedule = CronSchedule.parse("0 0 13 * 7", UTC);

    // 2026-02-13 is a Friday; the Sundays around it are 8 and 15
    assertThat(firesAfter(schedule, at("2026-02-07T00:00:00Z"), 3))
        .containsExactly(
            at("2026-02-08T00:00:00Z"), at("2026-02-13T00:00:00Z"), at("2026-02-15T00:00:00Z"));
  }

  @Test
  void shortcuts_expand_to_their_five_fields() {
    Instant from = at("2026-05-13T10:15:00Z"); // a Wednesday
    assertThat(CronSchedule.parse("@hourly", UTC).nextFire(from))
        .isEqualTo(at("2026-05-13T11:00:00Z"));
    assertThat(CronSchedule.parse("@daily", UTC).nextFire(from))
        .isEqualTo(at("2026-05-14T00:00:00Z"));
    assertThat(CronSchedule.parse("@weekly", UTC).nextFire(from))
        .isEqualTo(at("2026-05-17T00:00:00Z"));
    assertThat(CronSchedule.parse("@MONTHLY", UTC).nextFire(from))
        .isEqualTo(at("2026-06-01T00:00:00Z"));
  }

  @Test
  void a_leap_day_schedule_is_found_years_away_in_both_directions() {
    CronSchedule leapDay = CronSchedule.parse("30 6 29 2 *", UTC);

    assertThat(leapDay.nextFire(at("2026-03-01T00:00:00Z"))).isEqualTo(at("2028-02-29T06:30:00Z"));
    assertThat(leapDay.previousFire(at("2026-03-01T00:00:00Z")))
        .isEqualTo(at("2024-02-29T06:30:00Z"));
  }

  @Test
  void fires_are_read_in_the_schedule_time_zone() {
    CronSchedule paris = CronSchedule.parse("0 2 * * *", PARIS);

    assertThat(paris.nextFire(at("2026-01-10T00:00:00Z"))).isEqualTo(at("2026-01-10T01:00:00Z"));
    assertThat(paris.nextFire(at("2026-07-09T12:00:00Z"))).isEqualTo(at("2026-07-10T00:00:00Z"));
  }

  @Test
  void on_a_spring_forward_day_a_time_in_the_gap_moves_forward_by_the_gap() {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist
    CronSchedule daily = CronSchedule.parse("30 2 * * *", NEW_YORK);

    assertThat(firesAfter(daily, at("2026-03-07T00:00:00Z"), 3))
        .containsExactly(
            at("2026-03-07T07:30:00Z"), // 02:30 EST
            at("2026-03-08T07:30:00Z"), // 03:30 EDT: moved forward by the one-hour gap
            at("2026-03-09T06:30:00Z")); // 02:30 EDT
    assertThat(daily.previousFire(at("2026-03-09T06:29:00Z")))
        .isEqualTo(at("2026-03-08T07:30:00Z"));
  }

  @Test
  void on_a_spring_forward_day_an_hourly_schedule_skips_the_missing_hour_once() {
    CronSchedule hourly = CronSchedule.parse("30 * * * *", NEW_YORK);

    // 01:30 EST, then 03:30 EDT (02:30 moved onto 03:30 fires once), then 04:30 EDT
    assertThat(firesAfter(hourly, at("2026-03-08T06:00:00Z"), 3))
        .containsExactly(
            at("2026-03-08T06:30:00Z"), at("2026-03-08T07:30:00Z"), at("2026-03-08T08:30:00Z"));
  }

  @Test
  void on_an_autumn_back_day_a_repeated_time_fires_once_at_its_first_occurrence() {
    // Paris, 2026-10-25: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice
    CronSchedule daily = CronSchedule.parse("30 2 * * *", PARIS);

    assertThat(firesAfter(daily, at("2026-10-24T00:00:00Z"), 3))
        .containsExactly(
            at("2026-10-24T00:30:00Z"), // 02:30 CEST
            at("2026-10-25T00:30:00Z"), // first 02:30, still CEST; the second (01:30Z) is skipped
            at("2026-10-26T01:30:00Z")); // 02:30 CET
    assertThat(daily.previousFire(at("2026-10-25T01:45:00Z")))
        .as("the second 02:30 is not a fire")
        .isEqualTo(at("2026-10-25T00:30:00Z"));
    assertThat(daily.nextFire(at("2026-10-25T00:30:00Z"))).isEqualTo(at("2026-10-26T01:30:00Z"));
  }

  @Test
  void bad_expressions_name_the_cron_field_at_fault() {
    assertThat(problemOf("0 25 * * *")).isEqualTo("hour: hour 25 is out of range 0-23");
    assertThat(problemOf("61 * * * *")).isEqualTo("minute: minute 61 is out of range 0-59");
    assertThat(problemOf("0 0 0 * *"))
        .isEqualTo("day-of-month: day-of-month 0 is out of range 1-31");
    assertThat(problemOf("0 0 * FOO *")).isEqualTo("month: month 'FOO' is not a number");
    assertThat(problemOf("0 0 * * 1-L"))
        .isEqualTo("day-of-week: day-of-week 'L' is not a number (L, W and # are not supported)");
    assertThat(problemOf("0 0 * * 5-1"))
        .isEqualTo(
            "day-of-week: day-of-week range '5-1' runs backwards: write the smaller value first");
    assertThat(problemOf("*/0 * * * *"))
        .isEqualTo("minute: minute step in '*/0' must be at least 1");
    assertThat(problemOf("0,,5 * * * *")).isEqualTo("minute: minute '0,,5' has an empty list item");
    assertThat(problemOf("0 2 * *"))
        .isEqualTo(
            "null: it has 4 fields, a cron schedule has five: minute hour day-of-month"
                + " month day-of-week");
    assertThat(problemOf("0 0 2 * * *")).startsWith("null: it has 6 fields");
    assertThat(problemOf("@fortnightly"))
        .isEqualTo(
            "null: unknown shortcut '@fortnightly' (use @hourly, @daily, @weekly or @monthly)");
    assertThat(problemOf("0 0 31 2,4 *"))
        .isEqualTo("day-of-month: it never fires: no month it names has day 31");
  }

  @Test
  void the_shortest_interval_between_fires_sees_weekends_and_daylight_saving() {
    Instant from = at("2026-03-01T00:00:00Z");

    assertThat(CronSchedule.parse("*/15 * * * *", UTC).shortestInterval(from, 100))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(CronSchedule.parse("0 6 * * 1-5", UTC).shortestInterval(from, 100))
        .isEqualTo(Duration.ofDays(1));
    assertThat(CronSchedule.parse("30 2 * * *", NEW_YORK).shortestInterval(from, 100))
        .as("the day after spring forward is 23 hours long")
        .isEqualTo(Duration.ofHours(23));
  }

  @Test
  void next_and_previous_fires_agree_with_each_other_all_year_in_zones_with_daylight_saving() {
    List<String> expressions =
        List.of("30 2 * * *", "0 * * * *", "*/20 1-3 * * *", "15 3 * * 0", "0 0 1 * *");
    for (ZoneId zone : List.of(NEW_YORK, PARIS, ZoneId.of("Australia/Lord_Howe"), UTC)) {
      for (String expression : expressions) {
        CronSchedule schedule = CronSchedule.parse(expression, zone);
        for (Instant time = at("2026-01-01T00:00:00Z");
            time.isBefore(at("2027-01-01T00:00:00Z"));
            time = time.plus(Duration.ofMinutes(97))) {
          Instant previous = schedule.previousFire(time);
          Instant next = schedule.nextFire(time);
          String where = expression + " in " + zone + " at " + time;
          assertThat(previous).as(where).isBeforeOrEqualTo(time);
          assertThat(next).as(where).isAfter(time);
          assertThat(schedule.nextFire(previous)).as(where).isEqualTo(next);
          assertThat(schedule.previousFire(next)).as(where).isEqualTo(next);
          assertThat(schedule.previousFire(next.minusSeconds(1))).as(where).isEqualTo(previous);
        }
      }
    }
  }
}
