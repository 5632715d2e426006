package dev.nines.cli.report;

import java.io.PrintWriter;

/** Writes a check report in one format. */
public interface ReportWriter {
  void write(CheckReport report, PrintWriter out);
}
