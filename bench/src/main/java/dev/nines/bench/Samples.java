package dev.nines.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The timed repetitions of one measurement; the median is what gets reported. */
public record Samples(List<Duration> times) {
  public Samples {
    if (times.isEmpty()) {
      throw new IllegalArgumentException("at least one timing is needed");
    }
    times = List.copyOf(times);
  }

  public Duration median() {
    List<Duration> sorted = new ArrayList<>(times);
    sorted.sort(Comparator.naturalOrder());
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle);
    }
    return sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }

  public double medianSeconds() {
    return median().toNanos() / 1e9;
  }

  /** Every repetition in seconds, e.g. {@code 1.23, 1.19, 1.31}. */
  public String allSeconds() {
    return String.join(
        ", ", times.stream().map(time -> String.format("%.2f", time.toNanos() / 1e9)).toList());
  }
}
