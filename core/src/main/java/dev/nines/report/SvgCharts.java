package dev.nines.report;

import dev.nines.slo.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for HTML reports: drawn here, so a report needs nothing from the network and
 * opens from a mail attachment.
 */
final class SvgCharts {
  static final int WIDTH = 640;
  private static final int STRIP_HEIGHT = 28;
  private static final int BURN_HEIGHT = 140;

  private SvgCharts() {}

  /** A strip across the period: green while up, red while down. */
  static String timeline(Interval period, List<Interval> down) {
    StringBuilder svg = open(STRIP_HEIGHT, "up and down over the period");
    svg.append(rect(0, 0, WIDTH, STRIP_HEIGHT - 10, "#3c9a5f"));
    for (Interval interval : down) {
      double from = x(period, interval.start());
      double to = Math.max(x(period, interval.end()), from + 1);
      svg.append(rect(from, 0, to - from, STRIP_HEIGHT - 10, "#c8372d"));
    }
    svg.append(label(0, STRIP_HEIGHT - 1, "start", "start"))
        .append(label(WIDTH, STRIP_HEIGHT - 1, "end", "end"));
    return svg.append("</svg>").toString();
  }

  /**
   * Downtime adding up over the period, against the time the objective allows (the error budget of
   * a time-slice SLO over the same period), drawn as a dashed line when an objective is known.
   */
  static String budgetBurn(Interval period, List<Interval> down, BigDecimal objective) {
    Duration allowed =
        objective == null
            ? null
            : Duration.ofMillis(
                BigDecimal.ONE
                    .subtract(objective)
                    .multiply(BigDecimal.valueOf(period.length().toMillis()))
                    .longValue());
    Duration total = down.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    long top = Math.max(1, Math.max(total.toMillis(), allowed == null ? 0 : allowed.toMillis()));
    int plot = BURN_HEIGHT - 20;
    StringBuilder svg = open(BURN_HEIGHT, "downtime adding up against the budget");
    StringBuilder points = new StringBuilder("0," + plot);
    long sum = 0;
    for (Interval interval : down) {
      points.append(' ').append(point(x(period, interval.start()), y(sum, top, plot)));
      sum += interval.length().toMillis();
      points.append(' ').append(point(x(period, interval.end()), y(sum, top, plot)));
    }
    points.append(' ').append(point(WIDTH, y(sum, top, plot)));
    svg.append("<polyline fill=\"none\" stroke=\"#c8372d\" stroke-width=\"2\" points=\"")
        .append(points)
        .append("\"/>");
    if (allowed != null) {
      double budgetY = y(allowed.toMillis(), top, plot);
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\""
                      + " stroke-dasharray=\"6 4\"/>",
                  budgetY,
                  WIDTH,
                  budgetY))
          .append(
              label(
                  4, Math.max(12, budgetY - 4), "start", "budget " + ReportText.duration(allowed)));
    }
    svg.append(label(WIDTH, BURN_HEIGHT - 4, "end", "downtime " + ReportText.duration(total)));
    return svg.append("</svg>").toString();
  }

  static StringBuilder open(int height, String title) {
    return new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                    + " height=\"%d\" role=\"img\"><title>",
                WIDTH,
                height,
                WIDTH,
                height))
        .append(title)
        .append("</title>");
  }

  private static double x(Interval period, Instant at) {
    long length = Math.max(1, period.length().toMillis());
    long offset = Duration.between(period.start(), at).toMillis();
    return Math.min(WIDTH, Math.max(0, (double) offset * WIDTH / length));
  }

  private static double y(long value, long top, int plot) {
    return plot - (double) value * (plot - 4) / top;
  }

  private static String point(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
  }

  static String rect(double x, double y, double width, double height, String fill) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
        x,
        y,
        width,
        height,
        fill);
  }

  static String label(double x, double y, String anchor, String text) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#333\">%s</text>",
        x,
        y,
        anchor,
        HtmlReports.escape(text));
  }
}
