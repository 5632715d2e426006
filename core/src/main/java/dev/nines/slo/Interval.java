package dev.nines.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A half-open span of time {@code [start, end)}. */
public record Interval(Instant start, Instant end) {
  public Interval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("interval ends at " + end + " before it starts " + start);
    }
  }

  /** The span of {@code length} that ends at {@code end}. */
  public static Interval ending(Instant end, Duration length) {
    return new Interval(end.minus(length), end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean isEmpty() {
    return start.equals(end);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /** The common part of both, when they share any time. */
  public Optional<Interval> intersect(Interval other) {
    Instant from = start.isAfter(other.start) ? start : other.start;
    Instant to = end.isBefore(other.end) ? end : other.end;
    return from.isBefore(to) ? Optional.of(new Interval(from, to)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
