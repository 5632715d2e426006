package dev.nines.slo;

import dev.nines.spec.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A window of fixed length that always ends now, such as the last 28 days. */
public record RollingWindow(Duration length) implements SloWindow {
  public RollingWindow {
    Objects.requireNonNull(length, "length");
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("a rolling window must be longer than zero");
    }
  }

  @Override
  public Interval at(Instant now) {
    return Interval.ending(now, length);
  }

  @Override
  public String describe() {
    return Values.human(length).replace(" ", "");
  }
}
