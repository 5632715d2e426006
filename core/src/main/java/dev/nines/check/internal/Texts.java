package dev.nines.check.internal;

import dev.nines.spec.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** How numbers and durations are written in messages. */
public final class Texts {
  private Texts() {}

  /** {@code 1,000}; non-integers keep up to 4 significant decimals. */
  public static String count(double value) {
    if (Double.isInfinite(value) || Double.isNaN(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) value);
    }
    return number(value);
  }

  /** A plain number without needless digits: {@code 12.5}, {@code 0.0031}. */
  public static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal decimal = BigDecimal.valueOf(value);
    int scale = Math.max(2, 4 - decimal.precision() + decimal.scale());
    return decimal
        .setScale(Math.min(scale, 10), RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  /** A ratio as a percentage with at most two decimals: 0.30517 → {@code 30.52%}. */
  public static String percent(double ratio) {
    return number(Math.round(ratio * 10_000) / 100.0) + "%";
  }

  /** Seconds as a person reads them: {@code 2d 3h}. */
  public static String age(double seconds) {
    return Values.human(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /** A duration as a person reads it. */
  public static String age(Duration duration) {
    return Values.human(duration);
  }
}
