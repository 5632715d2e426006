package dev.nines.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * What an SLO promises, without what it measures: objective, window, how good is counted.
 *
 * @param objective the share promised
 * @param window rolling or calendar
 * @param method occurrences (events) or time slices
 * @param slice the length of one time slice (one unit of the series for {@link
 *     BudgetingMethod#TIMESLICES}); ignored for occurrences
 * @param noData how a slice without data counts
 */
public record SloTarget(
    Objective objective,
    SloWindow window,
    BudgetingMethod method,
    Duration slice,
    NoDataPolicy noData) {
  public static final Duration DEFAULT_SLICE = Duration.ofMinutes(1);

  public SloTarget {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(method, "method");
    slice = slice == null ? DEFAULT_SLICE : slice;
    noData = noData == null ? NoDataPolicy.BAD : noData;
    if (slice.isZero() || slice.isNegative()) {
      throw new IllegalArgumentException("a time slice must be longer than zero");
    }
  }
}
