package dev.nines.report;

import dev.nines.spec.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How figures read in Markdown and HTML reports. */
final class ReportText {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private ReportText() {}

  static String duration(Duration duration) {
    if (duration == null) {
      return "–";
    }
    if (duration.isZero()) {
      return "0";
    }
    // whole seconds are plenty for people; Values.human drops what it cannot show
    return Values.human(duration.withNanos(0).isZero() ? duration : duration.withNanos(0));
  }

  /** An age in hours as the age charts' axis reads, e.g. {@code 30h} or {@code 30h 15m}. */
  static String hours(Duration age) {
    if (age.compareTo(Duration.ofHours(1)) < 0) {
      return duration(age);
    }
    long minutes = age.toMinutesPart();
    return age.toHours() + "h" + (minutes == 0 ? "" : " " + minutes + "m");
  }

  static String instant(Instant instant) {
    return instant == null ? "–" : MINUTE.format(instant);
  }

  static String percent(BigDecimal ratio) {
    return ratio == null ? "–" : SlaReports.percent(ratio);
  }

  /** A share of budget spent, e.g. {@code 42%}, whole percent rounded up so 0.1% is not 0%. */
  static String spent(BigDecimal share) {
    if (share == null) {
      return "–";
    }
    return share.movePointRight(2).setScale(0, RoundingMode.CEILING).toPlainString() + "%";
  }

  /** The max age seen and the time above the bound, e.g. {@code max age 30h seen in the period}. */
  static String ageSummary(AgeSeries age) {
    String bound = hours(age.promise().bound());
    if (age.maxAge() == null) {
      return "no freshness observation in the period (bound " + bound + ").";
    }
    return "max age "
        + hours(age.maxAge())
        + " seen in the period (bound "
        + bound
        + "), above the bound for "
        + duration(age.timeAbove())
        + ", from "
        + age.observations()
        + (age.observations() == 1 ? " observation." : " observations.");
  }

  /**
   * The report's downtime in a sentence: {@code Downtime 7h in 2 incidents; uptime 99.059% (2.0
   * nines)}, or, when nothing was down, {@code No downtime} and how many of the incidents listed
   * were burn-rate alerts or warnings.
   */
  static String downtimeSummary(SlaReport report) {
    DowntimeAccount total = report.downtime();
    if (!total.downtime().isZero()) {
      return "Downtime "
          + duration(total.downtime())
          + " in "
          + total.incidents()
          + (total.incidents() == 1 ? " incident" : " incidents")
          + "; uptime "
          + total.uptime().describe();
    }
    long listed =
        report.agreements().stream()
            .flatMap(agreement -> agreement.incidents().stream())
            .map(IncidentLine::id)
            .distinct()
            .count();
    return listed == 0
        ? "No downtime"
        : "No downtime; the "
            + (listed == 1 ? "incident" : listed + " incidents")
            + " below "
            + (listed == 1
                ? "was a burn-rate alert or a warning"
                : "were burn-rate alerts or warnings")
            + ", not downtime";
  }
}
