package dev.nines.slo;

/**
 * Where an SLO's good and bad counts come from: a store, {@link SliBuckets}, or a fixed list in a
 * test. Units without data are reported as such; the SLO's {@link NoDataPolicy} decides how they
 * count.
 */
@FunctionalInterface
public interface SliSeries {
  /** The counts in {@code span}. */
  Tally tally(Interval span);
}
