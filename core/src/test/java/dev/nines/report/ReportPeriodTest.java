package dev.nines.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
  private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

  @Test
  void a_month_runs_from_local_midnight_to_the_next_months() {
    ReportPeriod october = ReportPeriod.parse("2026-10", ZoneOffset.UTC, NOW);

    assertThat(october.label()).isEqualTo("2026-10");
    assertThat(october.interval().start()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(october.interval().length()).isEqualTo(Duration.ofDays(31));
  }

  @Test
  void a_month_with_a_daylight_saving_change_is_an_hour_longer_in_that_zone() {
    ReportPeriod october = ReportPeriod.parse("2026-10", ZoneId.of("Europe/Paris"), NOW);

    assertThat(october.interval().start()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(october.interval().length()).isEqualTo(Duration.ofHours(31 * 24 + 1));
  }

  @Test
  void a_quarter_is_three_months() {
    ReportPeriod third = ReportPeriod.parse("2026-q3", ZoneOffset.UTC, NOW);

    assertThat(third.label()).isEqualTo("2026-Q3");
    assertThat(third.interval().start()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(third.interval().end()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
  }

  @Test
  void a_duration_ends_now() {
    ReportPeriod last = ReportPeriod.parse("30d", ZoneOffset.UTC, NOW);

    assertThat(last.label()).isEqualTo("last 30d");
    assertThat(last.interval().end()).isEqualTo(NOW);
    assertThat(last.interval().length()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void the_elapsed_part_of_a_current_month_stops_at_now() {
    ReportPeriod november = ReportPeriod.parse("2026-11", ZoneOffset.UTC, NOW);

    assertThat(november.elapsed(NOW).length()).isEqualTo(Duration.ofDays(14).plusHours(12));
    assertThat(ReportPeriod.parse("2026-12", ZoneOffset.UTC, NOW).elapsed(NOW).isEmpty()).isTrue();
  }

  @Test
  void a_word_that_is_no_period_says_what_is_expected() {
    assertThatThrownBy(() -> ReportPeriod.parse("october", ZoneOffset.UTC, NOW))
        .hasMessageContaining("'october' is not a period")
        .hasMessageContaining("2026-Q3");
    assertThatThrownBy(() -> ReportPeriod.parse("2026-13", ZoneOffset.UTC, NOW))
        .hasMessageContaining("not a month");
  }
}
