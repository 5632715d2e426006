package dev.nines.slo;

import java.time.Duration;
import java.util.Optional;

/**
 * Where an SLO's good and bad counts come from: a store, {@link SliBuckets}, or a fixed list in a
 * test. Units without data are reported as such; the SLO's {@link NoDataPolicy} decides how they
 * count.
 */
@FunctionalInterface
public interface SliSeries {
  /** The counts in {@code span}. */
  Tally tally(Interval span);

  /**
   * How long one unit of this series lasts when the series fixes it ({@link FreshnessSeries} counts
   * milliseconds); empty when a unit is one slice of the SLO, or an event.
   */
  default Optional<Duration> unitTime() {
    return Optional.empty();
  }
}
