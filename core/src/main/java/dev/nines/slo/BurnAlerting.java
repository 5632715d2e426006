package dev.nines.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Multi-window, multi-burn-rate alerting as the Google SRE workbook recommends. For a 30-day
 * window: page when 1h and 5m both burn at least 14.4× (2% of the budget in an hour) or 6h and 30m
 * at least 6× (5% in six hours); open a ticket when 1d and 2h burn at least 3× (10% in a day) or 3d
 * and 6h at least 1× (10% in three days).
 *
 * <p>For other periods the windows scale by period / 30 days and the thresholds stay the budget
 * fractions above, so the threshold is {@code fraction × period / long window}: the same numbers,
 * because both scale together. A 28-day SLO pages on 56m and 4m40s at 14.4×.
 */
public final class BurnAlerting {
  static final Duration REFERENCE_PERIOD = Duration.ofDays(30);

  private final List<BurnAlertRule> rules;

  public BurnAlerting(List<BurnAlertRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The workbook's four rules, scaled to an SLO window of {@code period}. */
  public static BurnAlerting workbook(Duration period) {
    Objects.requireNonNull(period, "period");
    return new BurnAlerting(
        List.of(
            rule(AlertLevel.PAGE, Duration.ofHours(1), "0.02", period),
            rule(AlertLevel.PAGE, Duration.ofHours(6), "0.05", period),
            rule(AlertLevel.TICKET, Duration.ofDays(1), "0.10", period),
            rule(AlertLevel.TICKET, Duration.ofDays(3), "0.10", period)));
  }

  private static BurnAlertRule rule(
      AlertLevel level, Duration referenceLong, String fraction, Duration period) {
    Duration longWindow = scale(referenceLong, period);
    Duration shortWindow = longWindow.dividedBy(12);
    BigDecimal budgetFraction = new BigDecimal(fraction);
    // fraction × 30d / reference long window equals fraction × period / scaled long window
    BigDecimal threshold =
        budgetFraction
            .multiply(BigDecimal.valueOf(REFERENCE_PERIOD.toSeconds()))
            .divide(BigDecimal.valueOf(referenceLong.toSeconds()), MathContext.DECIMAL64)
            .stripTrailingZeros();
    return new BurnAlertRule(level, longWindow, shortWindow, budgetFraction, threshold);
  }

  /** {@code window × period / 30 days}, to the millisecond. */
  static Duration scale(Duration window, Duration period) {
    BigDecimal millis =
        BigDecimal.valueOf(window.toMillis())
            .multiply(BigDecimal.valueOf(period.toMillis()))
            .divide(BigDecimal.valueOf(REFERENCE_PERIOD.toMillis()), 0, RoundingMode.HALF_EVEN);
    return Duration.ofMillis(millis.longValueExact());
  }

  public List<BurnAlertRule> rules() {
    return rules;
  }

  /**
   * Tries every rule with the burn rates the function gives for a lookback ending now; a firing
   * page rule wins over a firing ticket rule, else the first firing rule in order.
   */
  public BurnAlert evaluate(Function<Duration, BurnRate> burnOver) {
    List<BurnAlert.RuleCheck> checks = new ArrayList<>();
    for (BurnAlertRule rule : rules) {
      checks.add(
          new BurnAlert.RuleCheck(
              rule, burnOver.apply(rule.longWindow()), burnOver.apply(rule.shortWindow())));
    }
    Optional<BurnAlert.RuleCheck> fired =
        checks.stream()
            .filter(BurnAlert.RuleCheck::fires)
            .filter(check -> check.rule().level() == AlertLevel.PAGE)
            .findFirst()
            .or(() -> checks.stream().filter(BurnAlert.RuleCheck::fires).findFirst());
    return new BurnAlert(
        fired.map(check -> check.rule().level()).orElse(AlertLevel.NONE),
        fired.map(BurnAlert.RuleCheck::rule),
        fired.map(BurnAlert.RuleCheck::longRate),
        fired.map(BurnAlert.RuleCheck::shortRate),
        checks);
  }
}
