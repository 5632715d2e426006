package dev.nines.store.internal;

import dev.nines.store.LineageEventRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Inserts events on PostgreSQL in one statement that skips those already stored and returns the
 * keys it inserted: no separate query for existing keys, and no unique violation when another
 * writer stores the same event at the same time (PostgreSQL waits for it, then skips).
 */
final class NewEventsOnPostgres {
  private static final String INSERT =
      """
      INSERT INTO lineage_event
          (event_key, event_kind, run_id, event_type, event_time, job_namespace, job_name,
           parent_run_id, nominal_start, nominal_end, error_message, stack_trace, rows_written,
           producer, received_at, payload)
      VALUES
      """;
  private static final String ROW =
      """
      (:key#, :kind#, CAST(:runId# AS UUID), :eventType#, :eventTime#, :jobNamespace#, :jobName#,
       CAST(:parentRunId# AS UUID), :nominalStart#, :nominalEnd#, :errorMessage#, :stackTrace#,
       :rowsWritten#, :producer#, :receivedAt#, :payload#)""";

  /** Rows per statement: 16 parameters each, PostgreSQL takes at most 65,535 per statement. */
  static final int ROWS_PER_STATEMENT = 1_000;

  private NewEventsOnPostgres() {}

  /**
   * Inserts the events (keys distinct), returns the keys actually inserted.
   *
   * @param receivedAts each event's time of receipt
   */
  static Set<String> insert(
      Handle handle,
      List<String> keys,
      List<LineageEventRecord> events,
      List<Instant> receivedAts) {
    Set<String> inserted = new HashSet<>();
    for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
      int to = Math.min(events.size(), from + ROWS_PER_STATEMENT);
      inserted.addAll(
          insertRows(
              handle,
              keys.subList(from, to),
              events.subList(from, to),
              receivedAts.subList(from, to)));
    }
    return inserted;
  }

  private static List<String> insertRows(
      Handle handle,
      List<String> keys,
      List<LineageEventRecord> events,
      List<Instant> receivedAts) {
    StringBuilder sql = new StringBuilder(INSERT);
    for (int i = 0; i < events.size(); i++) {
      sql.append(i == 0 ? "" : ",\n").append(ROW.replace("#", "_" + i));
    }
    sql.append("\nON CONFLICT (event_key) DO NOTHING RETURNING event_key");
    Query query = handle.createQuery(sql.toString());
    for (int i = 0; i < events.size(); i++) {
      LineageEventRecord event = events.get(i);
      String n = "_" + i;
      query
          .bind("key" + n, keys.get(i))
          .bind("kind" + n, event.kind().name())
          .bindByType("runId" + n, event.runId(), UUID.class)
          .bind("eventType" + n, event.eventType())
          .bindByType("eventTime" + n, event.eventTime(), Instant.class)
          .bind("jobNamespace" + n, event.jobNamespace())
          .bind("jobName" + n, event.jobName())
          .bindByType("parentRunId" + n, event.parentRunId(), UUID.class)
          .bindByType("nominalStart" + n, event.nominalStart(), Instant.class)
          .bindByType("nominalEnd" + n, event.nominalEnd(), Instant.class)
          .bind("errorMessage" + n, event.errorMessage())
          .bind("stackTrace" + n, event.stackTrace())
          .bind("rowsWritten" + n, event.rowsWritten())
          .bind("producer" + n, event.producer())
          .bindByType("receivedAt" + n, receivedAts.get(i), Instant.class)
          .bind("payload" + n, event.payload());
    }
    return query.mapTo(String.class).list();
  }
}
