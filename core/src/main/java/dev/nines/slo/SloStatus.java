package dev.nines.slo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where an SLO stands at one moment.
 *
 * @param target what was promised
 * @param evaluatedAt the clock's now
 * @param window the whole window now belongs to (a calendar window may end after now)
 * @param tally counts from the window start to now, after the no-data policy
 * @param sli good / valid, empty when nothing valid was seen
 * @param budget total, spent and remaining
 * @param burnRates over 5m, 30m, 1h, 2h, 6h, 1d and 3d, in that order
 * @param exhaustion time until the budget is gone at the burn of {@code exhaustionLookback}: zero
 *     when already gone, empty when nothing burns
 * @param exhaustionLookback the lookback whose burn the projection assumes continues
 * @param alert what burn-rate alerting says
 */
public record SloStatus(
    SloTarget target,
    Instant evaluatedAt,
    Interval window,
    Tally tally,
    Optional<BigDecimal> sli,
    ErrorBudget budget,
    List<BurnRate> burnRates,
    Optional<Duration> exhaustion,
    Duration exhaustionLookback,
    BurnAlert alert) {
  public SloStatus {
    burnRates = List.copyOf(burnRates);
  }

  /** Whether the SLI meets the objective so far; an SLO without valid data does not. */
  public boolean met() {
    return sli.map(value -> value.compareTo(target.objective().target()) >= 0).orElse(false);
  }

  /** The burn rate over one of the reported lookbacks. */
  public Optional<BurnRate> burnRate(Duration lookback) {
    return burnRates.stream().filter(rate -> rate.lookback().equals(lookback)).findFirst();
  }
}
