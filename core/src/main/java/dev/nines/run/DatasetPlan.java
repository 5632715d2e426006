package dev.nines.run;

import java.util.List;

/** The SQL a run would send for one dataset, for {@code nines check --explain}. */
public record DatasetPlan(
    String dataset, String source, List<PlannedQuery> queries, List<String> notes) {
  public DatasetPlan {
    queries = List.copyOf(queries);
    notes = List.copyOf(notes);
  }

  /** One query and the checks it serves. */
  public record PlannedQuery(String purpose, List<String> checks, String sql) {
    public PlannedQuery {
      checks = List.copyOf(checks);
    }
  }
}
