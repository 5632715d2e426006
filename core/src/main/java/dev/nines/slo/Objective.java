package dev.nines.slo;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The share of good events or good time promised, such as 99.5%. Kept as a decimal so budgets are
 * exact: 99.9% over 30 days allows exactly 43.2 minutes.
 *
 * @param target the ratio, strictly between 0 and 1 (0.995 for 99.5%)
 */
public record Objective(BigDecimal target) {
  public Objective {
    Objects.requireNonNull(target, "target");
    if (target.signum() <= 0 || target.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException(
          "an objective is above 0% and below 100%, got " + target.movePointRight(2) + "%");
    }
    target = target.stripTrailingZeros();
  }

  /** {@code "99.5%"} or {@code "0.995"}. */
  public static Objective parse(String text) {
    String value = text.strip();
    try {
      if (value.endsWith("%")) {
        return new Objective(
            new BigDecimal(value.substring(0, value.length() - 1).strip()).movePointLeft(2));
      }
      return new Objective(new BigDecimal(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not an objective such as 99.5%");
    }
  }

  /** The share of events or time that may be bad: 1 − target. */
  public BigDecimal errorRatio() {
    return BigDecimal.ONE.subtract(target);
  }

  /** As a person writes it: {@code 99.5%}. */
  public String percent() {
    return target.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
