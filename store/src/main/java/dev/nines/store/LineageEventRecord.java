package dev.nines.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted event, raw, with the fields a run's state is derived from. Native run reports (REST,
 * {@code nines run}) are stored as events of this shape too.
 *
 * @param identity what makes the event unique: a second event with the same identity is a duplicate
 * @param runId the run, required for a RUN event, null otherwise
 * @param eventType START, RUNNING, COMPLETE, FAIL, ABORT or OTHER for a RUN event, else null
 * @param rowsWritten rows written to the outputs according to this event, null when unknown
 * @param payload the event as received (JSON)
 */
public record LineageEventRecord(
    String identity,
    LineageEventKind kind,
    UUID runId,
    String eventType,
    Instant eventTime,
    String jobNamespace,
    String jobName,
    UUID parentRunId,
    Instant nominalStart,
    Instant nominalEnd,
    String errorMessage,
    String stackTrace,
    Long rowsWritten,
    String producer,
    String payload) {
  public LineageEventRecord {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(payload, "payload");
    if (kind == LineageEventKind.RUN && (runId == null || jobName == null)) {
      throw new IllegalArgumentException("a RUN event needs a run id and a job");
    }
  }

  /** A DatasetEvent: identified by its dataset and time, tied to no run. */
  public static LineageEventRecord ofDataset(
      String namespace, String name, Instant eventTime, String producer, String payload) {
    return new LineageEventRecord(
        "dataset|" + namespace + "|" + name + "|" + eventTime,
        LineageEventKind.DATASET,
        null,
        null,
        eventTime,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        producer,
        payload);
  }

  /** A JobEvent: identified by its job and time, tied to no run. */
  public static LineageEventRecord ofJob(
      String namespace, String name, Instant eventTime, String producer, String payload) {
    return new LineageEventRecord(
        "job|" + namespace + "|" + name + "|" + eventTime,
        LineageEventKind.JOB,
        null,
        null,
        eventTime,
        namespace,
        name,
        null,
        null,
        null,
        null,
        null,
        null,
        producer,
        payload);
  }
}
