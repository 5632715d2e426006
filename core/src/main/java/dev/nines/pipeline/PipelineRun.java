package dev.nines.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a pipeline as its events (OpenLineage or native reports) describe it.
 *
 * @param runId the run's id (an OpenLineage runId or one given to {@code nines run start})
 * @param pipeline the spec pipeline it matched, null when it matched none
 * @param jobNamespace OpenLineage job namespace, may be null for native runs
 * @param jobName OpenLineage job name, or the pipeline name for native runs
 * @param state where it stands
 * @param nominalTime the scheduled time it runs for, when the producer said so; may be null
 * @param startedAt when it started; null when only its end was reported
 * @param endedAt when it finished; null while it runs
 * @param rowsWritten rows written to its outputs, null when not reported
 * @param errorMessage why it failed, may be null
 */
public record PipelineRun(
    String runId,
    String pipeline,
    String jobNamespace,
    String jobName,
    RunState state,
    Instant nominalTime,
    Instant startedAt,
    Instant endedAt,
    Long rowsWritten,
    String errorMessage) {
  public PipelineRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(state, "state");
    if (rowsWritten != null && rowsWritten < 0) {
      throw new IllegalArgumentException("rowsWritten must not be negative, got " + rowsWritten);
    }
  }

  /** How long it ran, when both ends are known. */
  public Optional<Duration> duration() {
    return startedAt == null || endedAt == null
        ? Optional.empty()
        : Optional.of(Duration.between(startedAt, endedAt));
  }

  /** The earliest time known of the run: its start, else its nominal time, else its end. */
  public Instant firstSeen() {
    return startedAt != null ? startedAt : nominalTime != null ? nominalTime : endedAt;
  }
}
