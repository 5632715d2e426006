package dev.nines.pipeline;

/** Where a pipeline run stands, derived from all of its events. */
public enum RunState {
  /** Announced; no progress reported yet. */
  STARTED,
  /** Reported progress and not finished. */
  RUNNING,
  /** Finished successfully. */
  COMPLETED,
  /** Finished with an error. */
  FAILED,
  /** Stopped before finishing (cancelled, killed). */
  ABORTED;

  /** Whether the run is over. */
  public boolean isFinished() {
    return this == COMPLETED || this == FAILED || this == ABORTED;
  }
}
