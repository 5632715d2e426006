package dev.nines.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;

/** The five V's of a dataset report as rows of words, shared by Markdown and HTML. */
final class DatasetText {
  private DatasetText() {}

  static String[][] rows(DatasetReport report) {
    DatasetReport.Volume volume = report.volume();
    String volumeText =
        volume.rows() == null
            ? "no row count measured in the period"
            : volume.rows()
                + " rows"
                + (volume.change() == null
                    ? ""
                    : " ("
                        + signed(volume.change().movePointRight(2))
                        + "% since "
                        + volume.rowsAtStart()
                        + " at the start of the period)")
                + ", "
                + volume.measurements()
                + " counts";
    DatasetReport.Variety variety = report.variety();
    String varietyText =
        "source "
            + variety.source()
            + (variety.columns() == null
                ? ", no schema snapshot yet"
                : ", "
                    + variety.columns()
                    + " columns ("
                    + variety.types().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                    + ") as of "
                    + ReportText.instant(variety.schemaTakenAt()));
    DatasetReport.Veracity veracity = report.veracity();
    String veracityText =
        veracity.observations() == 0
            ? "no check ran in the period"
            : veracity.observations()
                + " check results: "
                + veracity.passed()
                + " passed, "
                + veracity.failed()
                + " failed, "
                + veracity.errors()
                + " could not run; pass rate "
                + ReportText.percent(veracity.passRate())
                + "; "
                + veracity.incidents()
                + (veracity.incidents() == 1 ? " incident" : " incidents");
    DatasetReport.Value value = report.value();
    String readsText =
        value.scans() == null
            ? "reads " + value.note()
            : value.scans() == 0
                ? "0 reads, " + value.note()
                : value.scans() + " reads (" + value.note() + ")";
    String sizeText =
        value.bytes() == null
            ? "size " + value.sizeNote()
            : value.bytes() + " bytes (" + value.sizeNote() + ")";
    String valueText =
        value.scans() == null && value.bytes() == null && value.note().equals(value.sizeNote())
            ? "reads and size " + value.note()
            : readsText + "; " + sizeText;
    BigDecimal perHour = report.velocity().rowsPerHour();
    String velocityText =
        perHour == null
            ? "unknown: fewer than two row counts in the period"
            : signed(perHour) + " rows per hour between the first and last count";
    return new String[][] {
      {"Volume", volumeText},
      {"Variety", varietyText},
      {"Variety over time", schemaChanges(variety)},
      {"Veracity", veracityText},
      {"Value", valueText},
      {"Velocity", velocityText},
      {"Pipeline durations", durations(report.velocity().pipelines())},
      {"Source-to-available latency", latency(report.velocity().latency())}
    };
  }

  private static String schemaChanges(DatasetReport.Variety variety) {
    String counted =
        variety.snapshots()
            + (variety.snapshots() == 1 ? " schema snapshot" : " schema snapshots")
            + " in the period, "
            + variety.distinctSchemas()
            + (variety.distinctSchemas() == 1 ? " distinct schema" : " distinct schemas")
            + " seen";
    if (variety.changes().isEmpty()) {
      return counted + "; no schema change in the period";
    }
    return counted
        + "; changes: "
        + variety.changes().stream()
            .map(
                change ->
                    ReportText.instant(change.at()) + " " + String.join(", ", change.changes()))
            .collect(Collectors.joining("; "));
  }

  private static String durations(DatasetReport.RunDurations durations) {
    if (durations.slowest() == null) {
      return durations.runs()
          + (durations.runs() == 1 ? " run" : " runs")
          + "; durations unknown: "
          + durations.note();
    }
    DatasetReport.SlowestRun slowest = durations.slowest();
    return durations.runs()
        + (durations.runs() == 1 ? " run" : " runs")
        + " ("
        + durations.note()
        + "): median "
        + duration(durations.median())
        + ", p95 "
        + duration(durations.p95())
        + ", slowest "
        + duration(slowest.duration())
        + " (run "
        + slowest.runId()
        + " of "
        + slowest.writer()
        + ", started "
        + ReportText.instant(slowest.startedAt())
        + ")";
  }

  private static String latency(DatasetReport.Latency latency) {
    if (latency.median() == null) {
      return "unknown: " + latency.note();
    }
    return "median "
        + duration(latency.median())
        + ", p95 "
        + duration(latency.p95())
        + " over "
        + latency.runs()
        + (latency.runs() == 1 ? " completed run" : " completed runs")
        + " ("
        + latency.note()
        + "; interval end from "
        + latency.bases().entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> e.getValue() + " " + basis(e.getKey()))
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String basis(WriterRun.DataEndBasis basis) {
    return switch (basis) {
      case NOMINAL_END -> "nominal end time";
      case NOMINAL_START -> "nominal start time";
      case SCHEDULE -> "schedule";
      case NONE -> "nothing (left out)";
    };
  }

  /** A duration for people; a negative one (data interval ending after completion) signed. */
  private static String duration(java.time.Duration duration) {
    return duration.isNegative()
        ? "-" + ReportText.duration(duration.negated())
        : ReportText.duration(duration);
  }

  private static String signed(BigDecimal number) {
    BigDecimal rounded = number.setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString();
  }
}
