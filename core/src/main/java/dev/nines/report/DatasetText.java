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
    String valueText =
        value.scans() == null
            ? "unknown: " + value.note()
            : value.scans()
                + " scans, "
                + (value.bytes() == null ? "size unknown" : value.bytes() + " bytes")
                + " ("
                + value.note()
                + ")";
    BigDecimal perHour = report.velocity().rowsPerHour();
    String velocityText =
        perHour == null
            ? "unknown: fewer than two row counts in the period"
            : signed(perHour) + " rows per hour between the first and last count";
    return new String[][] {
      {"Volume", volumeText},
      {"Variety", varietyText},
      {"Veracity", veracityText},
      {"Value", valueText},
      {"Velocity", velocityText}
    };
  }

  private static String signed(BigDecimal number) {
    BigDecimal rounded = number.setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString();
  }
}
