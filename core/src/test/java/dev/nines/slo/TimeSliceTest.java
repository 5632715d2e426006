package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeSliceTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant NOW = Instant.parse("2026-10-31T12:00:00Z");

  private static SloStatus evaluate(SloTarget target, SliSeries series, Instant now) {
    return new SloEvaluator(Clock.fixed(now, ZoneOffset.UTC)).evaluate(target, series);
  }

  private static SloTarget rollingDay(NoDataPolicy noData) {
    return new SloTarget(
        Objective.parse("99%"),
        new RollingWindow(Duration.ofDays(1)),
        BudgetingMethod.TIMESLICES,
        MINUTE,
        noData);
  }

  @Test
  void a_slice_that_starts_before_the_window_is_not_counted_and_the_first_inside_is() {
    Instant start = NOW.minus(Duration.ofDays(1));
    ListSeries series =
        new ListSeries(MINUTE)
            .add(start.minus(MINUTE), 0, 1) // just before the window
            .add(start, 0, 1) // the window's first slice
            .slices(start.plus(MINUTE), NOW, true)
            .add(NOW, 0, 1); // the slice starting now is not over yet

    SloStatus status = evaluate(rollingDay(NoDataPolicy.BAD), series, NOW);

    assertThat(status.tally()).isEqualTo(new Tally(1439, 1, 0));
    assertThat(status.budget().spentTime()).isEqualTo(MINUTE);
    // 1% of a day
    assertThat(status.budget().totalTime()).isEqualTo(Duration.ofSeconds(864));
  }

  @Test
  void missing_slices_count_as_the_no_data_policy_says() {
    Instant start = NOW.minus(Duration.ofDays(1));
    // 1380 good slices, 60 minutes without any data
    ListSeries series =
        new ListSeries(MINUTE)
            .slices(start, NOW.minus(Duration.ofHours(2)), true)
            .slices(NOW.minus(Duration.ofHours(1)), NOW, true);

    SloStatus bad = evaluate(rollingDay(NoDataPolicy.BAD), series, NOW);
    SloStatus good = evaluate(rollingDay(NoDataPolicy.GOOD), series, NOW);
    SloStatus ignored = evaluate(rollingDay(NoDataPolicy.IGNORE), series, NOW);

    assertThat(bad.tally()).isEqualTo(new Tally(1380, 60, 0));
    assertThat(bad.budget().spentTime()).isEqualTo(Duration.ofHours(1));
    assertThat(bad.met()).isFalse();
    assertThat(good.tally()).isEqualTo(new Tally(1440, 0, 0));
    assertThat(good.met()).isTrue();
    assertThat(ignored.tally()).isEqualTo(new Tally(1380, 0, 0));
    assertThat(ignored.budget().spentTime()).isZero();
    // the gap is 2h to 1h ago: it burns the 2h window, not the last hour
    assertThat(bad.burnRate(Duration.ofHours(2)).orElseThrow().rate()).isEqualByComparingTo("50");
    assertThat(bad.burnRate(Duration.ofHours(1)).orElseThrow().rate()).isEqualByComparingTo("0");
  }

  @Test
  void a_calendar_month_budget_is_taken_over_the_whole_month_even_mid_month() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    SloTarget target =
        new SloTarget(
            Objective.parse("99.9%"),
            new CalendarWindow(CalendarPeriod.MONTH, paris),
            BudgetingMethod.TIMESLICES,
            MINUTE,
            NoDataPolicy.BAD);
    Instant monthStart = Instant.parse("2026-09-30T22:00:00Z");
    Instant midMonth = Instant.parse("2026-10-15T22:00:00Z");
    ListSeries series =
        new ListSeries(MINUTE)
            .add(monthStart.minus(MINUTE), 0, 1) // September: another window
            .slices(monthStart, midMonth, true);

    SloStatus status = evaluate(target, series, midMonth);

    // 745 hours × 0.1% = 44.7 minutes
    assertThat(status.budget().totalTime()).isEqualTo(Duration.ofSeconds(2682));
    assertThat(status.tally()).isEqualTo(new Tally(15 * 1440, 0, 0));
    assertThat(status.window().end()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
  }
}
