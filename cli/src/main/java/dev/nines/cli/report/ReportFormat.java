package dev.nines.cli.report;

/** The forms {@code nines check} can print its results in. */
public enum ReportFormat {
  /** A table for people, grouped by dataset. */
  table,
  /** A stable JSON document for machines. */
  json,
  /** JUnit XML for CI servers. */
  junit;

  /** The writer for this format; {@code colours} only matters for the table. */
  public ReportWriter writer(boolean colours) {
    return switch (this) {
      case table -> new TableReport(colours);
      case json -> new JsonReport();
      case junit -> new JunitReport();
    };
  }
}
