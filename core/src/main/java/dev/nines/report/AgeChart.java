package dev.nines.report;

import dev.nines.slo.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The age of a dataset over a period as an inline SVG step line, the promised bound as a dashed
 * line, and the time spent above it shaded; the age axis is in hours.
 */
final class AgeChart {
  private static final int HEIGHT = 176;
  private static final int LEFT = 48;
  private static final int TOP = 14;
  private static final int BOTTOM = 22;
  private static final double[] HOUR_STEPS = {
    0.25, 0.5, 1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 2880, 8760
  };

  private AgeChart() {}

  static String draw(Interval period, AgeSeries series) {
    FreshnessBound promise = series.promise();
    StringBuilder svg =
        SvgCharts.open(
            HEIGHT,
            HtmlReports.escape(
                "age of "
                    + promise.dataset()
                    + " over the period against "
                    + ReportText.hours(promise.bound())
                    + " ("
                    + promise.promisedBy()
                    + ")"));
    double boundHours = hours(promise.bound().getSeconds());
    double maxHours = series.maxAge() == null ? 0 : hours(series.maxAge().getSeconds());
    double step = step(Math.max(boundHours, maxHours) * 1.1);
    double top = step * Math.ceil(Math.max(boundHours, maxHours) * 1.1 / step);
    List<AgePoint> points = series.points();
    for (int index = 0; index < points.size(); index++) {
      if (Duration.ofSeconds(points.get(index).ageSeconds()).compareTo(promise.bound()) > 0) {
        double from = x(period, points.get(index).at());
        double to = x(period, until(points, index, period));
        svg.append(SvgCharts.rect(from, TOP, Math.max(1, to - from), plotHeight(), "#f6d3cf"));
      }
    }
    for (double tick = 0; tick <= top + step / 2; tick += step) {
      double tickY = y(tick, top);
      svg.append(line(LEFT, tickY, SvgCharts.WIDTH, tickY, "#e4e4e4", null))
          .append(SvgCharts.label(LEFT - 4, tickY + 4, "end", hoursText(tick)));
    }
    double boundY = y(boundHours, top);
    svg.append(line(LEFT, boundY, SvgCharts.WIDTH, boundY, "#555", "6 4"))
        .append(
            haloed(
                SvgCharts.label(
                    LEFT + 4,
                    Math.max(TOP + 10, boundY - 4),
                    "start",
                    "bound "
                        + ReportText.hours(promise.bound())
                        + " ("
                        + promise.promisedBy()
                        + ")")));
    if (points.isEmpty()) {
      svg.append(
          SvgCharts.label(
              LEFT + 4,
              TOP + plotHeight() / 2.0,
              "start",
              "no freshness observation in the period"));
    } else {
      svg.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"")
          .append(steps(period, points, top))
          .append("\"/>");
    }
    double axisY = TOP + plotHeight();
    svg.append(line(LEFT, axisY, SvgCharts.WIDTH, axisY, "#888", null))
        .append(SvgCharts.label(LEFT, HEIGHT - 4, "start", ReportText.instant(period.start())))
        .append(
            SvgCharts.label(
                LEFT + (SvgCharts.WIDTH - LEFT) / 2.0,
                HEIGHT - 4,
                "middle",
                ReportText.instant(period.start().plus(period.length().dividedBy(2)))))
        .append(
            SvgCharts.label(SvgCharts.WIDTH, HEIGHT - 4, "end", ReportText.instant(period.end())));
    return svg.append("</svg>").toString();
  }

  private static StringBuilder steps(Interval period, List<AgePoint> points, double top) {
    StringBuilder path = new StringBuilder();
    for (int index = 0; index < points.size(); index++) {
      double ageY = y(hours(points.get(index).ageSeconds()), top);
      if (index > 0) {
        path.append(' ');
      }
      path.append(point(x(period, points.get(index).at()), ageY))
          .append(' ')
          .append(point(x(period, until(points, index, period)), ageY));
    }
    return path;
  }

  /** Until the next observation, or the end of the period for the last one. */
  private static Instant until(List<AgePoint> points, int index, Interval period) {
    return index + 1 < points.size() ? points.get(index + 1).at() : period.end();
  }

  /** The smallest tick step in hours that keeps the axis to five ticks or fewer. */
  static double step(double topHours) {
    for (double step : HOUR_STEPS) {
      if (topHours / step <= 5) {
        return step;
      }
    }
    return HOUR_STEPS[HOUR_STEPS.length - 1] * Math.ceil(topHours / 5 / 8760);
  }

  static String hoursText(double hours) {
    return BigDecimal.valueOf(hours).stripTrailingZeros().toPlainString() + "h";
  }

  /** A label drawn over a white outline, readable where it crosses the age line. */
  private static String haloed(String label) {
    return label.replaceFirst(
        "<text ", "<text paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" ");
  }

  private static double hours(long seconds) {
    return seconds / 3600.0;
  }

  private static int plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  private static double x(Interval period, Instant at) {
    long length = Math.max(1, period.length().toMillis());
    long offset = Duration.between(period.start(), at).toMillis();
    double share = Math.min(1, Math.max(0, (double) offset / length));
    return LEFT + share * (SvgCharts.WIDTH - LEFT);
  }

  private static double y(double hours, double top) {
    double share = top <= 0 ? 0 : Math.min(1, hours / top);
    return TOP + plotHeight() * (1 - share);
  }

  private static String point(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String stroke, String dash) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>",
        x1,
        y1,
        x2,
        y2,
        stroke,
        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
  }
}
