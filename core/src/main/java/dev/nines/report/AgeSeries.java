package dev.nines.report;

import dev.nines.slo.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A dataset's age over a report's period, as its freshness checks measured it, against the age a
 * promise allows. Between two observations the age is taken as the first one measured (a step), the
 * way a check's verdict holds until the next run.
 *
 * @param promise what bounds the age
 * @param observations how many observations the period had
 * @param maxAge the largest age measured; null without observations
 * @param timeAbove how long the measured age stayed above the bound within the period
 * @param points the observations, oldest first; when there were more than a chart needs, the
 *     largest age of each equal time slot (so {@code maxAge} is always among them)
 */
public record AgeSeries(
    FreshnessBound promise,
    int observations,
    Duration maxAge,
    Duration timeAbove,
    List<AgePoint> points) {
  /** The most points a series keeps: more than a chart's pixels across. */
  public static final int MAX_POINTS = 2_000;

  public AgeSeries {
    Objects.requireNonNull(promise, "promise");
    Objects.requireNonNull(timeAbove, "timeAbove");
    points = List.copyOf(points);
  }

  /** The series of {@code observed} ages within {@code span}, with at most {@code maxPoints}. */
  public static AgeSeries of(
      FreshnessBound promise, List<AgePoint> observed, Interval span, int maxPoints) {
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be positive, not " + maxPoints);
    }
    List<AgePoint> inSpan =
        observed.stream()
            .filter(p -> span.contains(p.at()))
            .sorted(Comparator.comparing(AgePoint::at))
            .toList();
    Duration maxAge =
        inSpan.stream()
            .map(p -> Duration.ofSeconds(p.ageSeconds()))
            .max(Comparator.naturalOrder())
            .orElse(null);
    return new AgeSeries(
        promise,
        inSpan.size(),
        maxAge,
        timeAbove(inSpan, promise.bound(), span.end()),
        bounded(inSpan, span, maxPoints));
  }

  private static Duration timeAbove(List<AgePoint> points, Duration bound, Instant end) {
    Duration above = Duration.ZERO;
    for (int index = 0; index < points.size(); index++) {
      AgePoint point = points.get(index);
      Instant until = index + 1 < points.size() ? points.get(index + 1).at() : end;
      if (Duration.ofSeconds(point.ageSeconds()).compareTo(bound) > 0) {
        above = above.plus(Duration.between(point.at(), until));
      }
    }
    return above;
  }

  /** The largest age of each of {@code maxPoints} equal slots of the span, in time order. */
  static List<AgePoint> bounded(List<AgePoint> sorted, Interval span, int maxPoints) {
    if (sorted.size() <= maxPoints) {
      return sorted;
    }
    long slotMillis = Math.max(1, ceilDiv(span.length().toMillis(), maxPoints));
    List<AgePoint> kept = new ArrayList<>();
    long currentSlot = Long.MIN_VALUE;
    for (AgePoint point : sorted) {
      long slot = Duration.between(span.start(), point.at()).toMillis() / slotMillis;
      if (slot != currentSlot) {
        kept.add(point);
        currentSlot = slot;
      } else if (point.ageSeconds() > kept.get(kept.size() - 1).ageSeconds()) {
        kept.set(kept.size() - 1, point);
      }
    }
    return kept;
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }
}
