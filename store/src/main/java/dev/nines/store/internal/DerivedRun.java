package dev.nines.store.internal;

import dev.nines.store.PipelineRunRecord;
import java.time.Instant;
import java.util.UUID;

/** A run's derived state as the columns of {@code pipeline_run} take it. */
public record DerivedRun(
    UUID runId,
    String jobNamespace,
    String jobName,
    UUID parentRunId,
    String state,
    Instant nominalStart,
    Instant nominalEnd,
    Instant startedAt,
    Instant endedAt,
    Long durationMillis,
    String errorMessage,
    String stackTrace,
    Long rowsWritten,
    int eventCount,
    Instant lastEventAt) {

  public static DerivedRun of(PipelineRunRecord run) {
    return new DerivedRun(
        run.runId(),
        run.jobNamespace(),
        run.jobName(),
        run.parentRunId(),
        run.state().name(),
        run.nominalStart(),
        run.nominalEnd(),
        run.startedAt(),
        run.endedAt(),
        run.duration() == null ? null : run.duration().toMillis(),
        run.errorMessage(),
        run.stackTrace(),
        run.rowsWritten(),
        run.eventCount(),
        run.lastEventAt());
  }
}
