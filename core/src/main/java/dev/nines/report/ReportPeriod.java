package dev.nines.report;

import dev.nines.slo.Interval;
import dev.nines.spec.Values;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a report covers, with the words people used for it.
 *
 * @param label {@code 2026-10}, {@code 2026-Q3} or {@code last 30d}
 * @param interval the instants covered, half-open
 */
public record ReportPeriod(String label, Interval interval) {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

  public ReportPeriod {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(interval, "interval");
  }

  /**
   * A month ({@code 2026-10}), a quarter ({@code 2026-Q3}), both from local midnight in {@code
   * zone}, or a duration up to now ({@code 30d}).
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static ReportPeriod parse(String text, ZoneId zone, Instant now) {
    Objects.requireNonNull(text, "text");
    String written = text.strip();
    Matcher quarter = QUARTER.matcher(written);
    if (quarter.matches()) {
      LocalDate first =
          LocalDate.of(
              Integer.parseInt(quarter.group(1)),
              (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1,
              1);
      return between(written.toUpperCase(java.util.Locale.ROOT), first, first.plusMonths(3), zone);
    }
    if (written.matches("\\d{4}-\\d{2}")) {
      try {
        YearMonth month = YearMonth.parse(written);
        return between(written, month.atDay(1), month.plusMonths(1).atDay(1), zone);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + written + "' is not a month such as 2026-10");
      }
    }
    try {
      return since(Values.duration(written), now);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + written
              + "' is not a period: write a month (2026-10), a quarter (2026-Q3) or a"
              + " duration up to now (30d)");
    }
  }

  /** The span of {@code length} ending now. */
  public static ReportPeriod since(java.time.Duration length, Instant now) {
    return new ReportPeriod(
        "last " + Values.human(length).replace(" ", ""), Interval.ending(now, length));
  }

  private static ReportPeriod between(String label, LocalDate first, LocalDate next, ZoneId zone) {
    // atStartOfDay(zone) takes the first valid time when midnight falls in a DST gap
    return new ReportPeriod(
        label,
        new Interval(first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant()));
  }

  /** The part of the period that has happened by {@code now}: a report never counts the future. */
  public Interval elapsed(Instant now) {
    Instant end = interval.end().isAfter(now) ? now : interval.end();
    Instant start = interval.start().isAfter(end) ? end : interval.start();
    return new Interval(start, end);
  }
}
