package dev.nines.cli;

import dev.nines.run.DatasetPlan;
import java.io.PrintWriter;
import java.util.List;

/** Prints the SQL plan of {@code nines check --explain} as a readable SQL script. */
final class ExplainPrinter {
  private ExplainPrinter() {}

  static void print(List<DatasetPlan> plans, PrintWriter out) {
    boolean first = true;
    for (DatasetPlan plan : plans) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println("-- dataset " + plan.dataset() + " (source " + plan.source() + ")");
      for (String note : plan.notes()) {
        out.println("-- note: " + note);
      }
      for (DatasetPlan.PlannedQuery query : plan.queries()) {
        out.println("-- " + query.purpose() + ": " + String.join(", ", query.checks()));
        String sql = query.sql().strip();
        out.println(sql.endsWith(";") ? sql : sql + ";");
      }
      if (plan.queries().isEmpty()) {
        out.println("-- no query");
      }
    }
    if (plans.isEmpty()) {
      out.println("-- nothing to check");
    }
    out.flush();
  }
}
