package dev.nines.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A series kept as a plain list of counts by time: the reference the aggregates are tested by. */
final class ListSeries implements SliSeries {
  private final TreeMap<Instant, long[]> counts = new TreeMap<>();
  private final Duration slice;

  /**
   * @param slice the length of one slice, or null for occurrences
   */
  ListSeries(Duration slice) {
    this.slice = slice;
  }

  ListSeries add(Instant at, long good, long bad) {
    long[] sum = counts.computeIfAbsent(at, key -> new long[2]);
    sum[0] += good;
    sum[1] += bad;
    return this;
  }

  /**
   * One slice per {@code slice} from {@code from} (inclusive) to {@code to}, all good or all bad.
   */
  ListSeries slices(Instant from, Instant to, boolean good) {
    for (Instant at = from; at.isBefore(to); at = at.plus(slice)) {
      add(at, good ? 1 : 0, good ? 0 : 1);
    }
    return this;
  }

  @Override
  public Tally tally(Interval span) {
    long good = 0;
    long bad = 0;
    for (Map.Entry<Instant, long[]> entry :
        counts.subMap(span.start(), true, span.end(), false).entrySet()) {
      good += entry.getValue()[0];
      bad += entry.getValue()[1];
    }
    long noData = 0;
    if (slice != null) {
      noData = Math.max(0, span.length().toMillis() / slice.toMillis() - good - bad);
    }
    return new Tally(good, bad, noData);
  }
}
