package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {
  private static final Instant NOW = Instant.parse("2026-10-31T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static SloStatus evaluate(SloTarget target, SliSeries series) {
    return new SloEvaluator(Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(target, series);
  }

  private static SloTarget timeslices(String objective, Duration window, NoDataPolicy noData) {
    return new SloTarget(
        Objective.parse(objective),
        new RollingWindow(window),
        BudgetingMethod.TIMESLICES,
        MINUTE,
        noData);
  }

  @Test
  void budget_for_99_9_percent_over_30_days_is_exactly_43_2_minutes() {
    Duration window = Duration.ofDays(30);
    ListSeries series = new ListSeries(MINUTE).slices(NOW.minus(window), NOW, true);

    SloStatus status = evaluate(timeslices("99.9%", window, NoDataPolicy.BAD), series);

    assertThat(status.budget().totalTime()).isEqualTo(Duration.ofSeconds(2592));
    assertThat(status.budget().totalTime()).isEqualTo(Duration.ofMinutes(43).plusSeconds(12));
    assertThat(status.budget().spentTime()).isZero();
    assertThat(status.sli()).contains(BigDecimal.ONE);
    assertThat(status.met()).isTrue();
  }

  @Test
  void bad_slices_spend_time_budget_and_what_is_left_is_exact() {
    Duration window = Duration.ofDays(30);
    // 10 bad minutes in the last hour of an otherwise good month
    ListSeries series =
        new ListSeries(MINUTE)
            .slices(NOW.minus(window), NOW.minus(Duration.ofMinutes(10)), true)
            .slices(NOW.minus(Duration.ofMinutes(10)), NOW, false);

    SloStatus status = evaluate(timeslices("99.9%", window, NoDataPolicy.BAD), series);

    assertThat(status.budget().spentTime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(status.budget().remainingTime()).isEqualTo(Duration.ofSeconds(2592 - 600));
    // 1992 / 2592 of the budget is left
    assertThat(status.budget().remainingFraction().orElseThrow())
        .isEqualByComparingTo(new BigDecimal("0.7685185185185185"));
    // 43200 slices, 10 bad: 43190 / 43200
    assertThat(status.sli().orElseThrow())
        .isEqualByComparingTo(new BigDecimal("0.9997685185185185"));
    assertThat(status.met()).isTrue();
  }

  @Test
  void occurrences_budget_is_a_share_of_valid_events() {
    SloTarget target =
        new SloTarget(
            Objective.parse("99.5%"),
            new RollingWindow(Duration.ofDays(28)),
            BudgetingMethod.OCCURRENCES,
            null,
            NoDataPolicy.BAD);
    ListSeries series =
        new ListSeries(null)
            .add(NOW.minus(Duration.ofDays(20)), 997, 0)
            .add(NOW.minus(Duration.ofDays(2)), 0, 3)
            // before the window: not counted
            .add(NOW.minus(Duration.ofDays(29)), 0, 500);

    SloStatus status = evaluate(target, series);

    assertThat(status.budget().total()).isEqualByComparingTo("5");
    assertThat(status.budget().spent()).isEqualByComparingTo("3");
    assertThat(status.budget().remaining()).isEqualByComparingTo("2");
    assertThat(status.budget().remainingFraction().orElseThrow()).isEqualByComparingTo("0.4");
    assertThat(status.sli().orElseThrow()).isEqualByComparingTo("0.997");
    assertThat(status.met()).isTrue();
  }

  @Test
  void occurrences_without_any_event_have_no_sli_and_no_burn() {
    SloTarget target =
        new SloTarget(
            Objective.parse("99%"),
            new RollingWindow(Duration.ofDays(7)),
            BudgetingMethod.OCCURRENCES,
            null,
            NoDataPolicy.BAD);

    SloStatus status = evaluate(target, new ListSeries(null));

    assertThat(status.sli()).isEmpty();
    assertThat(status.met()).isFalse();
    assertThat(status.budget().remainingFraction()).isEmpty();
    assertThat(status.exhaustion()).isEmpty();
    assertThat(status.alert().level()).isEqualTo(AlertLevel.NONE);
  }

  @Test
  void objective_accepts_percent_and_ratio_and_rejects_100_percent() {
    assertThat(Objective.parse("99.95%").target()).isEqualByComparingTo("0.9995");
    assertThat(Objective.parse("0.999").errorRatio()).isEqualByComparingTo("0.001");
    assertThat(Objective.parse("99.5%").percent()).isEqualTo("99.5%");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Objective.parse("100%"))
        .hasMessage("an objective is above 0% and below 100%, got 100%");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Objective.parse("ninety"))
        .hasMessage("'ninety' is not an objective such as 99.5%");
  }
}
