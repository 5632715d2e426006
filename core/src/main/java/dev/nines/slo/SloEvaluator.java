package dev.nines.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Computes an SLO's {@link SloStatus} from its series at the clock's now. */
public final class SloEvaluator {
  /** The lookbacks burn rates are reported over. */
  public static final List<Duration> LOOKBACKS =
      List.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(6),
          Duration.ofDays(1),
          Duration.ofDays(3));

  /** The projection to exhaustion assumes the burn of the last hour continues. */
  public static final Duration EXHAUSTION_LOOKBACK = Duration.ofHours(1);

  private final Clock clock;

  public SloEvaluator(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SloStatus evaluate(SloTarget target, SliSeries series) {
    Instant now = clock.instant();
    Interval window = target.window().at(now);
    Instant measuredEnd = window.end().isBefore(now) ? window.end() : now;
    Tally tally = series.tally(new Interval(window.start(), measuredEnd)).counting(target.noData());
    ErrorBudget budget = budget(target, window, tally, series.unitTime().orElse(target.slice()));
    List<BurnRate> rates =
        LOOKBACKS.stream().map(lookback -> burn(target, series, now, lookback)).toList();
    BurnRate exhaustionRate = burn(target, series, now, EXHAUSTION_LOOKBACK);
    BurnAlert alert =
        BurnAlerting.workbook(window.length())
            .evaluate(lookback -> burn(target, series, now, lookback));
    return new SloStatus(
        target,
        now,
        window,
        tally,
        sli(tally),
        budget,
        rates,
        exhaustion(budget, exhaustionRate, window.length()),
        EXHAUSTION_LOOKBACK,
        alert);
  }

  /** The burn rate over the lookback ending at {@code now}. */
  public static BurnRate burn(SloTarget target, SliSeries series, Instant now, Duration lookback) {
    Tally tally = series.tally(Interval.ending(now, lookback)).counting(target.noData());
    if (tally.valid() == 0) {
      return new BurnRate(lookback, BigDecimal.ZERO, 0);
    }
    BigDecimal badShare =
        BigDecimal.valueOf(tally.bad())
            .divide(BigDecimal.valueOf(tally.valid()), MathContext.DECIMAL64);
    BigDecimal rate =
        badShare
            .divide(target.objective().errorRatio(), MathContext.DECIMAL64)
            .stripTrailingZeros();
    return new BurnRate(lookback, rate, tally.valid());
  }

  static ErrorBudget budget(SloTarget target, Interval window, Tally tally, Duration unit) {
    BigDecimal errorRatio = target.objective().errorRatio();
    if (target.method() == BudgetingMethod.TIMESLICES) {
      long sliceMillis = unit.toMillis();
      BigDecimal total = errorRatio.multiply(BigDecimal.valueOf(window.length().toMillis()));
      BigDecimal spent = BigDecimal.valueOf(tally.bad()).multiply(BigDecimal.valueOf(sliceMillis));
      return new ErrorBudget(BudgetingMethod.TIMESLICES, total, spent);
    }
    BigDecimal total = errorRatio.multiply(BigDecimal.valueOf(tally.valid()));
    return new ErrorBudget(BudgetingMethod.OCCURRENCES, total, BigDecimal.valueOf(tally.bad()));
  }

  private static Optional<BigDecimal> sli(Tally tally) {
    if (tally.valid() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        BigDecimal.valueOf(tally.good())
            .divide(BigDecimal.valueOf(tally.valid()), MathContext.DECIMAL64));
  }

  /**
   * At burn rate 1 the whole budget lasts one window, so what is left lasts left × window / rate.
   */
  static Optional<Duration> exhaustion(ErrorBudget budget, BurnRate rate, Duration window) {
    Optional<BigDecimal> left = budget.remainingFraction();
    if (left.isPresent() && left.get().signum() <= 0) {
      return Optional.of(Duration.ZERO);
    }
    if (left.isEmpty() || rate.rate().signum() == 0) {
      return Optional.empty();
    }
    BigDecimal millis =
        left.get()
            .multiply(BigDecimal.valueOf(window.toMillis()))
            .divide(rate.rate(), MathContext.DECIMAL64);
    return Optional.of(
        Duration.ofMillis(millis.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact()));
  }
}
