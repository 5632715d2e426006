package dev.nines.simulate;

import dev.nines.observation.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Something that goes wrong for a while in a simulated month. */
public sealed interface Fault {
  /** What it is, in words (shown in messages), may be null. */
  String about();

  /** When it starts. */
  Instant from();

  /** How long it lasts. */
  Duration length();

  /** Whether it is going on at {@code at} (from inclusive, end exclusive). */
  default boolean covers(Instant at) {
    return !at.isBefore(from()) && at.isBefore(from().plus(length()));
  }

  /** The dataset is not loaded: its freshness checks see the age grow. */
  record NoLoads(String dataset, Instant from, Duration length, String about) implements Fault {
    public NoLoads {
      Objects.requireNonNull(dataset, "dataset");
    }
  }

  /** A check reports {@code status} (FAIL or WARN) at every look. */
  record CheckStatus(
      String dataset, String check, Status status, Instant from, Duration length, String about)
      implements Fault {
    public CheckStatus {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(status, "status");
    }
  }

  /** A source cannot be reached: every check on it is an ERROR of kind SYSTEM. */
  record SourceDown(String source, Instant from, Duration length, String about) implements Fault {
    public SourceDown {
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * A metric stream reports {@code value} instead of its usual one: every time, or for a {@code
   * share} of its reports spread evenly (0.004 = one in 250).
   */
  record MetricValue(
      String dataset,
      String metric,
      double value,
      double share,
      Instant from,
      Duration length,
      String about)
      implements Fault {
    public MetricValue {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(metric, "metric");
      if (!(share > 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be in (0, 1], got " + share);
      }
    }

    /** Whether the {@code index}-th report since the fault began carries the fault's value. */
    public boolean hits(long index) {
      long perMillion = Math.round(share * 1_000_000);
      return (index + 1) * perMillion / 1_000_000 > index * perMillion / 1_000_000;
    }
  }
}
