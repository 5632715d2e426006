package dev.nines.bench;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.run.DatasetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders benchmark results as Markdown and keeps them up to date in BENCHMARKS.md. */
public final class MarkdownReport {
  static final double TARGET_OVER_SCAN = 1.5;
  private static final String NL = "\n";

  private MarkdownReport() {}

  /** The summary tables of every database, then each database's details. */
  public static String render(
      MachineInfo machine, BenchOptions options, List<BenchResult> results) {
    StringBuilder text = new StringBuilder();
    text.append("| database | rows | checks | `count(*)` scan | full read | checked-column read |")
        .append(" Nines | naive | Nines ÷ `count(*)` | Nines ÷ full read |")
        .append(" Nines ÷ checked-column read | Nines ÷ naive |")
        .append(NL)
        .append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        .append(NL);
    for (BenchResult result : results) {
      text.append(row(result, "all " + result.checks(), Measure.NINES, Measure.NAIVE)).append(NL);
      text.append(
              row(
                  result,
                  result.singlePassChecks() + " single-pass",
                  Measure.NINES_SINGLE_PASS,
                  Measure.NAIVE_SINGLE_PASS))
          .append(NL);
    }
    text.append(NL)
        .append("Target: Nines ÷ `count(*)` ≤ ")
        .append(TARGET_OVER_SCAN)
        .append(options.repeat() == 1 ? ". One run" : ". Medians of " + options.repeat() + " runs")
        .append(" after one warm-up. Machine: ")
        .append(machine.line())
        .append(", ")
        .append(machine.date())
        .append(".")
        .append(NL);
    for (BenchResult result : results) {
      text.append(NL).append(details(result));
    }
    return text.toString();
  }

  static String row(BenchResult result, String checks, Measure nines, Measure naive) {
    return String.join(
        " | ",
        "| " + result.database(),
        String.format(Locale.ROOT, "%,d", result.rows()),
        checks,
        seconds(result.samples(Measure.COUNT_SCAN).medianSeconds()),
        seconds(result.samples(Measure.FULL_READ).medianSeconds()),
        seconds(result.samples(Measure.CHECKED_READ).medianSeconds()),
        seconds(result.samples(nines).medianSeconds()),
        seconds(result.samples(naive).medianSeconds()),
        ratio(result.ratio(nines, Measure.COUNT_SCAN)),
        ratio(result.ratio(nines, Measure.FULL_READ)),
        ratio(result.ratio(nines, Measure.CHECKED_READ)),
        ratio(result.ratio(nines, naive)) + " |");
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, value < 10 ? "**%.2f**" : "**%.0f**", value);
  }

  /** Replaces (or appends) this database's results section of a BENCHMARKS.md. */
  public static void record(
      Path file, String database, MachineInfo machine, BenchOptions options, BenchResult result)
      throws IOException {
    String start = "<!-- results:" + database + ":start -->";
    String end = "<!-- results:" + database + ":end -->";
    String section =
        start
            + NL
            + "### "
            + database
            + ", "
            + String.format(Locale.ROOT, "%,d", result.rows())
            + " rows, "
            + machine.date()
            + NL
            + NL
            + render(machine, options, List.of(result))
            + end;
    String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks" + NL;
    int from = existing.indexOf(start);
    int to = existing.indexOf(end);
    String updated;
    if (from >= 0 && to > from) {
      updated = existing.substring(0, from) + section + existing.substring(to + end.length());
    } else {
      updated = existing + (existing.endsWith(NL) ? "" : NL) + NL + section + NL;
    }
    Files.writeString(file, updated);
  }

  static String details(BenchResult result) {
    StringBuilder text = new StringBuilder();
    text.append("#### ").append(result.database()).append(" details").append(NL).append(NL);
    text.append("- Nines sent ")
        .append(result.sentQueries())
        .append(result.sentQueries() == 1 ? " query" : " queries")
        .append(" for the ")
        .append(result.checks())
        .append(" checks (")
        .append(result.plannedQueries())
        .append(" planned, the others only run when a check warns or fails)");
    if (!result.missingTypes().isEmpty()) {
      text.append(NL)
          .append("- **only ")
          .append(result.checks())
          .append(" of ")
          .append(BenchChecks.COUNT)
          .append(" checks ran**: this engine registers no check type ")
          .append(String.join(", ", result.missingTypes()));
    }
    text.append(NL).append("- every run (s): ");
    text.append(
        List.of(Measure.values()).stream()
            .map(measure -> measure.label() + " " + result.samples(measure).allSeconds())
            .collect(Collectors.joining(" · ")));
    text.append(NL);
    text.append("- checked-column read: `max` of the ")
        .append(result.checkedColumns().size())
        .append(" columns the checks touch (")
        .append(String.join(", ", result.checkedColumns()))
        .append(")")
        .append(NL);
    for (String line : result.diagnosis()) {
      text.append("- diagnosis: ").append(line).append(NL);
    }
    text.append("- table generated in ").append(seconds(result.loadTime().toNanos() / 1e9));
    text.append("; ").append(result.cacheNote()).append(NL);
    text.append("- settings: ").append(String.join(" · ", result.settings())).append(NL);
    text.append("- observations of the last Nines run: ").append(statusCounts(result)).append(NL);
    List<Observation> errors =
        result.lastRun().observations().stream().filter(o -> o.status() == Status.ERROR).toList();
    for (Observation error : errors) {
      text.append("  - ERROR ")
          .append(error.check())
          .append(": ")
          .append(error.message())
          .append(NL);
    }
    text.append("- slowest naive queries: ");
    text.append(
        result.naiveChecks().stream()
            .sorted(Comparator.comparing(BenchResult.NaiveTiming::elapsed).reversed())
            .limit(6)
            .map(timing -> timing.check() + " " + seconds(timing.elapsed().toNanos() / 1e9))
            .collect(Collectors.joining(", ")));
    text.append(NL)
        .append(NL)
        .append("Queries Nines planned (the follow-ups run only when a check warns or fails):")
        .append(NL)
        .append(NL);
    for (DatasetPlan dataset : result.plan()) {
      for (DatasetPlan.PlannedQuery query : dataset.queries()) {
        text.append("- ").append(query.purpose()).append(" (").append(query.checks().size());
        text.append(" checks: ").append(String.join(", ", query.checks())).append(")").append(NL);
      }
      for (String note : dataset.notes()) {
        text.append("- note: ").append(note).append(NL);
      }
    }
    for (String note : result.planNotes()) {
      text.append("- planned by ").append(result.database()).append(": ").append(note).append(NL);
    }
    text.append(NL)
        .append("<details><summary>SQL the Nines run sent</summary>")
        .append(NL)
        .append(NL);
    for (String sql : BenchResult.sentSql(result.lastRun())) {
      text.append("```sql").append(NL).append(sql).append(NL).append("```").append(NL);
    }
    text.append(NL).append("</details>").append(NL);
    return text.toString();
  }

  private static String statusCounts(BenchResult result) {
    return result.lastRun().observations().size()
        + " ("
        + List.of(Status.values()).stream()
            .map(status -> result.lastRun().count(status) + " " + status)
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String seconds(double value) {
    if (value < 1) {
      return String.format(Locale.ROOT, "%.0f ms", value * 1000);
    }
    return String.format(Locale.ROOT, value < 10 ? "%.2f s" : "%.1f s", value);
  }
}
