package dev.nines.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Exact stale time from load times, not from sampling: a sample at {@code o} seeing newest load
 * {@code n} proves the age at every moment of {@code [n, o]} was {@code t − n}, so staleness starts
 * exactly at {@code n + maxAge} and ends exactly at the next load.
 *
 * <p>Between two samples, a newer load seen by the later sample means the data was refreshed at
 * that load's time. Loads superseded before the next sample leave no trace: when samples are at
 * most {@code maxGap} apart, Nines takes the loads it saw as all there were (the stale time is then
 * exact for append-only loads). Past {@code maxGap}, time the older load cannot vouch for is
 * unknown, counted by the SLO's no-data policy; so is everything before the first sample's load and
 * the time more than {@code maxGap} after the last sample.
 */
public final class FreshnessTimeline {
  private final List<FreshnessSample> samples;
  private final Duration maxAge;
  private final Duration maxGap;

  public FreshnessTimeline(List<FreshnessSample> samples, Duration maxAge, Duration maxGap) {
    this.samples =
        samples.stream().sorted(Comparator.comparing(FreshnessSample::observedAt)).toList();
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.maxGap = Objects.requireNonNull(maxGap, "maxGap");
    if (maxAge.isNegative() || maxAge.isZero() || maxGap.isNegative() || maxGap.isZero()) {
      throw new IllegalArgumentException("maxAge and maxGap must be longer than zero");
    }
  }

  /** Stale and unknown time within {@code span}. */
  public FreshnessTime over(Interval span) {
    List<Interval> stale = new ArrayList<>();
    List<Interval> unknown = new ArrayList<>();
    if (samples.isEmpty()) {
      return new FreshnessTime(span, stale, List.of(span));
    }
    FreshnessSample first = samples.get(0);
    classify(new Piece(Instant.MIN, first.newestLoad(), null, false), span, stale, unknown);
    classify(
        new Piece(first.newestLoad(), first.observedAt(), first.newestLoad(), true),
        span,
        stale,
        unknown);
    // the pieces between samples index − 1 and index lie within their observation times: start at
    // the first that can reach into the span, stop past its end (a pass asks for short windows of
    // a long history)
    for (int index = Math.max(1, firstObservedAfter(span.start()));
        index < samples.size();
        index++) {
      FreshnessSample previous = samples.get(index - 1);
      FreshnessSample current = samples.get(index);
      Instant gapStart = previous.observedAt();
      if (!gapStart.isBefore(span.end())) {
        break;
      }
      if (!current.newestLoad().isAfter(gapStart)) {
        // the newest load was already there at the previous sample's time: the age is known
        Instant newest = max(current.newestLoad(), previous.newestLoad());
        classify(new Piece(gapStart, current.observedAt(), newest, true), span, stale, unknown);
        continue;
      }
      boolean close = Duration.between(gapStart, current.observedAt()).compareTo(maxGap) <= 0;
      classify(
          new Piece(gapStart, current.newestLoad(), previous.newestLoad(), close),
          span,
          stale,
          unknown);
      classify(
          new Piece(current.newestLoad(), current.observedAt(), current.newestLoad(), true),
          span,
          stale,
          unknown);
    }
    FreshnessSample last = samples.get(samples.size() - 1);
    if (span.end().isAfter(last.observedAt())) {
      // the last sample vouches for maxGap after it, whatever the span (so a span's time is the
      // sum of its parts'); after that, nothing can tell
      Instant vouched = min(last.observedAt().plus(maxGap), span.end());
      classify(
          new Piece(last.observedAt(), vouched, last.newestLoad(), true), span, stale, unknown);
      classify(new Piece(vouched, span.end(), last.newestLoad(), false), span, stale, unknown);
    }
    return new FreshnessTime(span, merge(stale), merge(unknown));
  }

  /** The index of the first sample observed after {@code at} (the size when none is). */
  private int firstObservedAfter(Instant at) {
    int low = 0;
    int high = samples.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (samples.get(middle).observedAt().isAfter(at)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /**
   * A stretch of time whose newest load is at least {@code newest} (null: not known at all); when
   * {@code certain}, exactly {@code newest}.
   */
  private record Piece(Instant start, Instant end, Instant newest, boolean certain) {}

  private void classify(Piece piece, Interval span, List<Interval> stale, List<Interval> unknown) {
    if (!piece.end().isAfter(piece.start())) {
      return;
    }
    Instant from = max(piece.start(), span.start());
    Instant to = min(piece.end(), span.end());
    if (!to.isAfter(from)) {
      return;
    }
    if (piece.newest() == null) {
      unknown.add(new Interval(from, to));
      return;
    }
    Instant staleFrom = max(from, piece.newest().plus(maxAge));
    if (to.isAfter(staleFrom)) {
      (piece.certain() ? stale : unknown).add(new Interval(staleFrom, to));
    }
  }

  private static List<Interval> merge(List<Interval> intervals) {
    List<Interval> sorted =
        intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
    List<Interval> merged = new ArrayList<>();
    for (Interval next : sorted) {
      if (!merged.isEmpty() && !next.start().isAfter(merged.get(merged.size() - 1).end())) {
        Interval last = merged.remove(merged.size() - 1);
        merged.add(new Interval(last.start(), max(last.end(), next.end())));
      } else {
        merged.add(next);
      }
    }
    return merged;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
