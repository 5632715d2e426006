package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BurnAlertingTest {
  private static final Instant NOW = Instant.parse("2026-10-31T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void workbook_rules_for_30_days_are_the_sre_workbook_table() {
    List<String> rules =
        BurnAlerting.workbook(Duration.ofDays(30)).rules().stream()
            .map(BurnAlertRule::describe)
            .toList();

    assertThat(rules)
        .containsExactly(
            "page: 1h and 5m burn >= 14.4x (2% of budget in 1h)",
            "page: 6h and 30m burn >= 6x (5% of budget in 6h)",
            "ticket: 1d and 2h burn >= 3x (10% of budget in 1d)",
            "ticket: 3d and 6h burn >= 1x (10% of budget in 3d)");
  }

  @Test
  void windows_scale_with_the_period_and_thresholds_stay_budget_fractions() {
    List<BurnAlertRule> rules = BurnAlerting.workbook(Duration.ofDays(28)).rules();

    // 1h × 28/30 = 56m, its short window 56m / 12 = 4m40s
    assertThat(rules.get(0).longWindow()).isEqualTo(Duration.ofMinutes(56));
    assertThat(rules.get(0).shortWindow()).isEqualTo(Duration.ofSeconds(280));
    assertThat(rules.get(0).threshold()).isEqualByComparingTo("14.4");
    // 2% of a 28-day budget in 56 minutes is still 14.4×: 0.02 × 40320m / 56m
    BigDecimal spentShare =
        rules.get(0).threshold().multiply(BigDecimal.valueOf(56)).divide(BigDecimal.valueOf(40320));
    assertThat(spentShare).isEqualByComparingTo("0.02");
    assertThat(rules.get(3).longWindow()).isEqualTo(Duration.ofHours(67).plusMinutes(12));
    assertThat(rules.get(3).threshold()).isEqualByComparingTo("1");

    // a 7-day SLO pages on 14 minutes and 70 seconds
    BurnAlertRule weekly = BurnAlerting.workbook(Duration.ofDays(7)).rules().get(0);
    assertThat(weekly.longWindow()).isEqualTo(Duration.ofMinutes(14));
    assertThat(weekly.shortWindow()).isEqualTo(Duration.ofSeconds(70));
  }

  private static BurnAlert alertWith(Map<Duration, String> rates) {
    return BurnAlerting.workbook(Duration.ofDays(30))
        .evaluate(
            lookback ->
                new BurnRate(lookback, new BigDecimal(rates.getOrDefault(lookback, "0")), 100));
  }

  @Test
  void page_needs_both_windows_at_the_threshold() {
    BurnAlert exactly =
        alertWith(Map.of(Duration.ofHours(1), "14.4", Duration.ofMinutes(5), "14.4"));
    assertThat(exactly.level()).isEqualTo(AlertLevel.PAGE);
    assertThat(exactly.fired().orElseThrow().longWindow()).isEqualTo(Duration.ofHours(1));

    BurnAlert recovered =
        alertWith(Map.of(Duration.ofHours(1), "20", Duration.ofMinutes(5), "14.3"));
    assertThat(recovered.level()).isEqualTo(AlertLevel.NONE);
    assertThat(recovered.fired()).isEmpty();
  }

  @Test
  void the_six_hour_pair_pages_and_the_slow_pairs_open_tickets() {
    assertThat(
            alertWith(Map.of(Duration.ofHours(6), "6", Duration.ofMinutes(30), "7"))
                .fired()
                .orElseThrow()
                .describe())
        .startsWith("page: 6h and 30m");
    assertThat(
            alertWith(Map.of(Duration.ofDays(1), "3", Duration.ofHours(2), "3"))
                .fired()
                .orElseThrow()
                .describe())
        .startsWith("ticket: 1d and 2h");
    BurnAlert slow = alertWith(Map.of(Duration.ofDays(3), "1", Duration.ofHours(6), "1.2"));
    assertThat(slow.level()).isEqualTo(AlertLevel.TICKET);
    assertThat(slow.fired().orElseThrow().longWindow()).isEqualTo(Duration.ofDays(3));
    assertThat(slow.longRate().orElseThrow().value()).isEqualTo(1.0);
    assertThat(slow.shortRate().orElseThrow().value()).isEqualTo(1.2);
  }

  @Test
  void a_page_wins_over_a_ticket_that_also_fires() {
    BurnAlert both =
        alertWith(
            Map.of(
                Duration.ofDays(3), "2",
                Duration.ofHours(6), "7",
                Duration.ofMinutes(30), "7"));

    assertThat(both.level()).isEqualTo(AlertLevel.PAGE);
    assertThat(both.fired().orElseThrow().longWindow()).isEqualTo(Duration.ofHours(6));
    assertThat(both.checked()).hasSize(4);
  }

  @Test
  void a_fast_burn_measured_from_slices_pages_and_projects_exhaustion() {
    Duration window = Duration.ofDays(30);
    SloTarget target =
        new SloTarget(
            Objective.parse("99.9%"),
            new RollingWindow(window),
            BudgetingMethod.TIMESLICES,
            MINUTE,
            NoDataPolicy.BAD);
    // good month, then the last hour: 1 bad minute in 60 is a burn of (1/60)/0.001 = 16.67×
    ListSeries series = new ListSeries(MINUTE);
    series.slices(NOW.minus(window), NOW.minus(Duration.ofMinutes(60)), true);
    series.slices(NOW.minus(Duration.ofMinutes(60)), NOW.minus(Duration.ofMinutes(4)), true);
    series.add(NOW.minus(Duration.ofMinutes(4)), 0, 1);
    series.slices(NOW.minus(Duration.ofMinutes(3)), NOW, true);

    SloStatus status = new SloEvaluator(Clock.fixed(NOW, ZoneOffset.UTC)).evaluate(target, series);

    assertThat(status.burnRate(Duration.ofHours(1)).orElseThrow().rate())
        .isEqualByComparingTo("16.66666666666667");
    // 1 bad in 5 minutes is 200×
    assertThat(status.burnRate(Duration.ofMinutes(5)).orElseThrow().rate())
        .isEqualByComparingTo("200");
    assertThat(status.alert().level()).isEqualTo(AlertLevel.PAGE);
    // 1 minute of 43.2 spent leaves 2532s of 2592s; (2532/2592) × 43200 min / (1000/60) = 2532 min
    assertThat(status.exhaustion().orElseThrow())
        .isBetween(
            Duration.ofMinutes(2532).minusSeconds(1), Duration.ofMinutes(2532).plusSeconds(1));
    assertThat(status.exhaustionLookback()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void an_overspent_budget_is_exhausted_now_and_nothing_burning_never_exhausts() {
    SloTarget target =
        new SloTarget(
            Objective.parse("99%"),
            new RollingWindow(Duration.ofDays(1)),
            BudgetingMethod.OCCURRENCES,
            null,
            NoDataPolicy.BAD);
    ListSeries overspent = new ListSeries(null).add(NOW.minus(Duration.ofHours(5)), 90, 10);
    ListSeries calm = new ListSeries(null).add(NOW.minus(Duration.ofHours(5)), 100, 0);
    SloEvaluator evaluator = new SloEvaluator(Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(evaluator.evaluate(target, overspent).exhaustion()).contains(Duration.ZERO);
    assertThat(evaluator.evaluate(target, overspent).budget().remaining())
        .isEqualByComparingTo("-9");
    assertThat(evaluator.evaluate(target, calm).exhaustion()).isEmpty();
  }
}
