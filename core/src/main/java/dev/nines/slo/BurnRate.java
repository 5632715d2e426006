package dev.nines.slo;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How fast budget burns over a lookback: the bad share in it divided by the share allowed. At 1 the
 * budget lasts exactly the window; at 14.4 a 30-day budget is gone in 50 hours.
 *
 * @param lookback the span ending now it was measured over
 * @param rate the burn rate; zero when the span has no valid units
 * @param valid the valid units in the span (zero means no evidence either way)
 */
public record BurnRate(Duration lookback, BigDecimal rate, long valid) {
  public double value() {
    return rate.doubleValue();
  }
}
