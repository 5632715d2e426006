package dev.nines.cli.report;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table a person reads: one section per dataset, then the summary. */
public final class TableReport implements ReportWriter {
  private static final String[] HEADERS = {"STATUS", "CHECK", "KIND", "VALUE", "EXPECTED"};
  private static final int MAX_DETAIL_LINES = 3;
  private static final int MAX_CELL = 60;
  private static final int MAX_DETAIL = 160;

  private final boolean colours;

  public TableReport(boolean colours) {
    this.colours = colours;
  }

  @Override
  public void write(CheckReport report, PrintWriter out) {
    Map<String, List<Observation>> groups = report.byDataset();
    List<String[]> allRows = new ArrayList<>();
    groups.values().forEach(list -> list.forEach(o -> allRows.add(cells(o))));
    int[] widths = widths(allRows);

    if (!groups.isEmpty()) {
      out.println("  " + line(HEADERS, widths) + "MESSAGE");
    }
    for (Map.Entry<String, List<Observation>> group : groups.entrySet()) {
      out.println(colours ? "\u001b[1m" + group.getKey() + "\u001b[0m" : group.getKey());
      for (Observation observation : group.getValue()) {
        String[] cells = cells(observation);
        String row = line(cells, widths);
        String status = cells[0];
        out.println(
            "  "
                + paint(observation.status(), status)
                + row.substring(status.length())
                + message(observation));
        if (observation.status() != Status.PASS) {
          observation.details().stream()
              .limit(MAX_DETAIL_LINES)
              .forEach(detail -> out.println("      " + clip(oneLine(detail), MAX_DETAIL)));
        }
      }
    }
    Summary summary = Summary.of(report.result());
    out.println();
    out.println(summary.countsLine());
    out.println(summary.verdictLine(report.exitCode(), report.storeProblem() != null));
    out.flush();
  }

  private static String[] cells(Observation observation) {
    String unit = observation.expectation() == null ? null : observation.expectation().unit();
    return new String[] {
      observation.status().name(),
      clip(observation.check(), MAX_CELL),
      observation.kind() == null ? "-" : observation.kind().name(),
      clip(ValueText.value(observation.value(), unit), MAX_CELL),
      clip(ValueText.expected(observation.expectation()), MAX_CELL)
    };
  }

  private static String message(Observation observation) {
    String message = observation.message() == null ? "" : oneLine(observation.message());
    if (observation.status() == Status.ERROR && observation.errorCategory() != null) {
      return observation.errorCategory().name() + ": " + message;
    }
    return message;
  }

  private static int[] widths(List<String[]> rows) {
    int[] widths = new int[HEADERS.length];
    for (int i = 0; i < HEADERS.length; i++) {
      widths[i] = HEADERS[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    return widths;
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      text.append(pad(cells[i], widths[i])).append("  ");
    }
    return text.toString();
  }

  private String paint(Status status, String text) {
    if (!colours) {
      return text;
    }
    String code =
        switch (status) {
          case PASS -> "32";
          case WARN -> "33";
          case FAIL -> "1;31";
          case ERROR -> "1;35";
        };
    return "\u001b[" + code + "m" + text + "\u001b[0m";
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
