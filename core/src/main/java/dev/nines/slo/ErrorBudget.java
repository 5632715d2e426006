package dev.nines.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Optional;

/**
 * How much badness an SLO allows over its window and how much is used. For time slices the amounts
 * are milliseconds (see {@link #totalTime()}); for occurrences they are events.
 *
 * @param method what the amounts count
 * @param total bad units allowed: (1 − objective) × the window's time, or × its valid events
 * @param spent bad units so far
 */
public record ErrorBudget(BudgetingMethod method, BigDecimal total, BigDecimal spent) {

  public BigDecimal remaining() {
    return total.subtract(spent);
  }

  /**
   * The share of the budget left: 1 when nothing is spent, 0 when all of it, negative past that.
   * Empty when the budget is zero (no valid events yet).
   */
  public Optional<BigDecimal> remainingFraction() {
    if (total.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(remaining().divide(total, MathContext.DECIMAL64));
  }

  /** The budget as time; only for time slices. */
  public Duration totalTime() {
    return asTime(total);
  }

  /** Spent budget as time; only for time slices. */
  public Duration spentTime() {
    return asTime(spent);
  }

  /** Remaining budget as time, negative when overspent; only for time slices. */
  public Duration remainingTime() {
    return asTime(remaining());
  }

  private Duration asTime(BigDecimal millis) {
    if (method != BudgetingMethod.TIMESLICES) {
      throw new IllegalStateException("an occurrences budget counts events, not time");
    }
    // nanosecond precision keeps 99.999% budgets of odd windows exact enough to print
    BigDecimal nanos = millis.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN);
    return Duration.ofNanos(nanos.longValueExact());
  }
}
