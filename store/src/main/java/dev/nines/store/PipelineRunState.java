package dev.nines.store;

/** Where a pipeline run stands, derived from all of its events. */
public enum PipelineRunState {
  /** Only events that say nothing of the run's progress (OpenLineage OTHER) arrived so far. */
  UNKNOWN,
  RUNNING,
  COMPLETE,
  FAIL,
  ABORT;

  /** Whether the run is over: a terminal state wins over any START or RUNNING event. */
  public boolean terminal() {
    return this == COMPLETE || this == FAIL || this == ABORT;
  }
}
