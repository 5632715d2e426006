package dev.nines.slo;

import java.time.Duration;
import java.util.List;

/**
 * Freshness as time over a span: when the dataset was within its maximum age, when it was stale,
 * and when Nines cannot tell.
 *
 * @param span what was measured
 * @param stale the intervals the dataset was older than its maximum age, in order
 * @param unknown the intervals without enough samples to tell, in order
 */
public record FreshnessTime(Interval span, List<Interval> stale, List<Interval> unknown) {
  public FreshnessTime {
    stale = List.copyOf(stale);
    unknown = List.copyOf(unknown);
  }

  public Duration staleTime() {
    return total(stale);
  }

  public Duration unknownTime() {
    return total(unknown);
  }

  public Duration goodTime() {
    return span.length().minus(staleTime()).minus(unknownTime());
  }

  /** The same as counts of milliseconds: good, bad (stale) and no data (unknown). */
  public Tally tally() {
    return new Tally(goodTime().toMillis(), staleTime().toMillis(), unknownTime().toMillis());
  }

  private static Duration total(List<Interval> intervals) {
    return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
  }
}
