package dev.nines.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window rule: fires when both the long and the short lookback burn at least {@code
 * threshold}. The long window proves the burn is significant, the short one that it is still going
 * on, so the alert stops soon after the burn does.
 *
 * @param level what firing asks for
 * @param longWindow the lookback that proves significance
 * @param shortWindow the lookback that proves the burn is current (1/12 of the long one)
 * @param budgetFraction the share of the whole budget the long window would spend at the threshold
 * @param threshold the burn rate both windows must reach
 */
public record BurnAlertRule(
    AlertLevel level,
    Duration longWindow,
    Duration shortWindow,
    BigDecimal budgetFraction,
    BigDecimal threshold) {
  public BurnAlertRule {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(longWindow, "longWindow");
    Objects.requireNonNull(shortWindow, "shortWindow");
    Objects.requireNonNull(budgetFraction, "budgetFraction");
    Objects.requireNonNull(threshold, "threshold");
    if (level == AlertLevel.NONE) {
      throw new IllegalArgumentException("a rule pages or opens a ticket");
    }
  }

  /** The rule in one line, e.g. {@code page: 1h and 5m burn >= 14.4x (2% of budget in 1h)}. */
  public String describe() {
    return level.name().toLowerCase(java.util.Locale.ROOT)
        + ": "
        + dev.nines.spec.Values.human(longWindow)
        + " and "
        + dev.nines.spec.Values.human(shortWindow)
        + " burn >= "
        + threshold.stripTrailingZeros().toPlainString()
        + "x ("
        + budgetFraction.movePointRight(2).stripTrailingZeros().toPlainString()
        + "% of budget in "
        + dev.nines.spec.Values.human(longWindow)
        + ")";
  }
}
