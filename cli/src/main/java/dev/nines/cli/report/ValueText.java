package dev.nines.cli.report;

import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.spec.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** How measured values and expected ranges read in a table: ages as 2d 3h, ratios as 12.5%. */
public final class ValueText {
  private ValueText() {}

  /** A measured value in its unit, {@code -} when nothing was measured. */
  public static String value(Double value, String unit) {
    if (value == null) {
      return "-";
    }
    String normalized = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    return switch (normalized) {
      case "s", "sec", "second", "seconds" ->
          Values.human(Duration.ofMillis(Math.round(value * 1000)));
      case "ms", "millis", "milliseconds" -> Values.human(Duration.ofMillis(Math.round(value)));
      case "ratio", "fraction", "%", "percent" -> number(value * 100) + "%";
      case "", "rows", "row", "count", "number", "value" -> number(value);
      default -> number(value) + " " + unit.trim();
    };
  }

  /** What was expected: the expectation's own text, else its bounds, {@code -} when none. */
  public static String expected(Expectation expectation) {
    if (expectation == null) {
      return "-";
    }
    if (expectation.text() != null && !expectation.text().isBlank()) {
      return expectation.text();
    }
    String fail = bounds(expectation.fail(), expectation.unit());
    String warn = bounds(expectation.warn(), expectation.unit());
    if (warn.isEmpty()) {
      return fail.isEmpty() ? "-" : fail;
    }
    return fail.isEmpty() ? warn + " (warn)" : warn + " (warn), " + fail + " (fail)";
  }

  private static String bounds(Bounds bounds, String unit) {
    if (bounds == null || bounds.isEmpty()) {
      return "";
    }
    if (bounds.min() != null && bounds.max() != null) {
      return value(bounds.min(), unit) + ".." + value(bounds.max(), unit);
    }
    return bounds.min() != null
        ? ">= " + value(bounds.min(), unit)
        : "<= " + value(bounds.max(), unit);
  }

  /** Integers without decimals, other numbers with at most four significant decimals. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    return rounded.stripTrailingZeros().toPlainString();
  }
}
