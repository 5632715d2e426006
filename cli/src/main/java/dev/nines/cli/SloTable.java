package dev.nines.cli;

import dev.nines.store.slo.SloView;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** SLO statuses as a table a person reads in a terminal. */
final class SloTable {
  private SloTable() {}

  static void print(List<SloView> views, PrintWriter out) {
    String row = "%-24s %-8s %-20s %-9s %-22s %-7s %-7s %-7s %s%n";
    out.printf(
        row, "SLO", "TARGET", "WINDOW", "SLI", "BUDGET LEFT", "BURN 1h", "BURN 1d", "ALERT", "");
    for (SloView view : views) {
      if (view.problem() != null) {
        out.printf(
            row,
            view.name(),
            view.objective(),
            view.window(),
            "-",
            "-",
            "-",
            "-",
            "-",
            "not evaluated: " + view.problem());
        continue;
      }
      out.printf(
          row,
          view.name(),
          view.objective(),
          view.window(),
          view.sliValue() == null ? "no data" : percent(view.sliValue()),
          budgetLeft(view),
          rate(view, "1h"),
          rate(view, "1d"),
          view.alert(),
          view.alertReason() == null ? "" : view.alertReason());
    }
  }

  private static String budgetLeft(SloView view) {
    if (view.budgetRemainingFraction() == null) {
      return "-";
    }
    String share = percent(view.budgetRemainingFraction());
    if ("seconds".equals(view.budgetUnit())) {
      return share + " (" + minutes(view.budgetRemaining()) + ")";
    }
    return share + String.format(Locale.ROOT, " (%.0f ev)", view.budgetRemaining());
  }

  private static String minutes(double seconds) {
    return String.format(Locale.ROOT, "%.1f min", seconds / 60);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.3f%%", ratio * 100);
  }

  private static String rate(SloView view, String lookback) {
    Double rate = view.burnRates().get(lookback);
    return rate == null ? "-" : String.format(Locale.ROOT, "%.2f×", rate);
  }
}
