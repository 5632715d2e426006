package dev.nines.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Writes a group's runs (new and changed) with their measurements and schema snapshots in one
 * PostgreSQL statement, one data-modifying WITH part per table: one round trip instead of one per
 * table. Every parameter is cast, since values in {@code FROM (VALUES …)} get no type from a
 * column.
 */
final class RunsAndFactsOnPostgres {
  /** PostgreSQL takes at most 65,535 parameters per statement; stay well below. */
  static final int MAX_PARAMETERS = 30_000;

  private static final int RUN_PARAMETERS = 16;
  private static final String RUN_COLUMNS =
      """
      run_id, job_namespace, job_name, parent_run_id, state, nominal_start, nominal_end,
      started_at, ended_at, duration_ms, error_message, stack_trace, rows_written, event_count,
      last_event_at, updated_at""";

  private final StringBuilder sql = new StringBuilder();
  private final List<Binding> bindings = new ArrayList<>();
  private int parts;

  private record Binding(String name, Object value, Class<?> type) {}

  /** Whether one statement can hold these rows. */
  static boolean fits(int runs, int measurements, int schemas) {
    return (long) runs * RUN_PARAMETERS + measurements * 6L + schemas * 4L <= MAX_PARAMETERS;
  }

  void insertRuns(List<DerivedRun> runs, Instant updatedAt) {
    if (runs.isEmpty()) {
      return;
    }
    StringBuilder part =
        new StringBuilder("INSERT INTO pipeline_run (" + RUN_COLUMNS + ")\nVALUES ");
    appendRunRows(part, runs, updatedAt);
    part(part.toString());
  }

  void updateRuns(List<DerivedRun> runs, Instant updatedAt) {
    if (runs.isEmpty()) {
      return;
    }
    StringBuilder part =
        new StringBuilder(
            """
            UPDATE pipeline_run AS r SET
                job_namespace = v.job_namespace, job_name = v.job_name,
                parent_run_id = v.parent_run_id, state = v.state, nominal_start = v.nominal_start,
                nominal_end = v.nominal_end, started_at = v.started_at, ended_at = v.ended_at,
                duration_ms = v.duration_ms, error_message = v.error_message,
                stack_trace = v.stack_trace, rows_written = v.rows_written,
                event_count = v.event_count, last_event_at = v.last_event_at,
                updated_at = v.updated_at
            FROM (VALUES\s""");
    appendRunRows(part, runs, updatedAt);
    part.append(") AS v (").append(RUN_COLUMNS).append(")\nWHERE r.run_id = v.run_id");
    part(part.toString());
  }

  void insertMeasurements(List<RunRef> runs, List<MeasurementRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder part =
        new StringBuilder(
            "INSERT INTO measurement (pipeline_run_id, dataset, check_name, metric, metric_value,"
                + " measured_at)\nVALUES ");
    for (int i = 0; i < rows.size(); i++) {
      MeasurementRow row = rows.get(i);
      part.append(i == 0 ? "(" : ", (")
          .append(param(runs.get(i).id(), UUID.class, "UUID"))
          .append(", ")
          .append(param(row.dataset(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(row.check(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(row.metric(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(row.value(), Double.class, "DOUBLE PRECISION"))
          .append(", ")
          .append(param(row.measuredAt(), Instant.class, "TIMESTAMPTZ"))
          .append(")");
    }
    part(part.toString());
  }

  void insertSchemas(List<RunRef> runs, List<SchemaSnapshotRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder part =
        new StringBuilder(
            "INSERT INTO schema_snapshot (pipeline_run_id, dataset, columns_json, taken_at)\n"
                + "VALUES ");
    for (int i = 0; i < rows.size(); i++) {
      SchemaSnapshotRow row = rows.get(i);
      part.append(i == 0 ? "(" : ", (")
          .append(param(runs.get(i).id(), UUID.class, "UUID"))
          .append(", ")
          .append(param(row.dataset(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(row.columns(), String.class, "TEXT"))
          .append(", ")
          .append(param(row.takenAt(), Instant.class, "TIMESTAMPTZ"))
          .append(")");
    }
    part(part.toString());
  }

  /** Runs every part added, in one statement; nothing when none was. */
  void execute(Handle handle) {
    if (parts == 0) {
      return;
    }
    Query query = handle.createQuery(sql.append("\nSELECT 1").toString());
    for (Binding binding : bindings) {
      query.bindByType(binding.name(), binding.value(), binding.type());
    }
    query.mapTo(Integer.class).list();
  }

  private void appendRunRows(StringBuilder part, List<DerivedRun> runs, Instant updatedAt) {
    for (int i = 0; i < runs.size(); i++) {
      DerivedRun run = runs.get(i);
      part.append(i == 0 ? "(" : ",\n(")
          .append(param(run.runId(), UUID.class, "UUID"))
          .append(", ")
          .append(param(run.jobNamespace(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(run.jobName(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(run.parentRunId(), UUID.class, "UUID"))
          .append(", ")
          .append(param(run.state(), String.class, "VARCHAR"))
          .append(", ")
          .append(param(run.nominalStart(), Instant.class, "TIMESTAMPTZ"))
          .append(", ")
          .append(param(run.nominalEnd(), Instant.class, "TIMESTAMPTZ"))
          .append(", ")
          .append(param(run.startedAt(), Instant.class, "TIMESTAMPTZ"))
          .append(", ")
          .append(param(run.endedAt(), Instant.class, "TIMESTAMPTZ"))
          .append(", ")
          .append(param(run.durationMillis(), Long.class, "BIGINT"))
          .append(", ")
          .append(param(run.errorMessage(), String.class, "TEXT"))
          .append(", ")
          .append(param(run.stackTrace(), String.class, "TEXT"))
          .append(", ")
          .append(param(run.rowsWritten(), Long.class, "BIGINT"))
          .append(", ")
          .append(param(run.eventCount(), Integer.class, "INTEGER"))
          .append(", ")
          .append(param(run.lastEventAt(), Instant.class, "TIMESTAMPTZ"))
          .append(", ")
          .append(param(updatedAt, Instant.class, "TIMESTAMPTZ"))
          .append(")");
    }
  }

  private void part(String statement) {
    sql.append(parts == 0 ? "WITH " : ",\n").append("part").append(parts).append(" AS (\n");
    sql.append(statement).append("\n)");
    parts++;
  }

  private String param(Object value, Class<?> type, String cast) {
    String name = "p" + bindings.size();
    bindings.add(new Binding(name, value, type));
    return "CAST(:" + name + " AS " + cast + ")";
  }
}
