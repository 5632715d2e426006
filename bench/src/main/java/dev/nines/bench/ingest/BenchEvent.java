package dev.nines.bench.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * One generated OpenLineage RunEvent: its JSON as a client sends it, and the fields the JDBC
 * baseline writes as plain rows.
 *
 * @param runId the run the event belongs to
 * @param eventType START or COMPLETE
 * @param eventTime when the event says it happened
 * @param namespace the job's namespace
 * @param job the job's name
 * @param rowsWritten rows the event reports written, null when it reports none
 * @param json the event as sent over HTTP
 */
public record BenchEvent(
    UUID runId,
    String eventType,
    Instant eventTime,
    String namespace,
    String job,
    Long rowsWritten,
    String json) {
  public BenchEvent {
    if (runId == null || eventType == null || eventTime == null || json == null) {
      throw new IllegalArgumentException("an event needs a run id, type, time and JSON");
    }
  }

  /** Whether this event opens its run (the baseline inserts the run row, else updates it). */
  public boolean opensRun() {
    return "START".equals(eventType);
  }
}
