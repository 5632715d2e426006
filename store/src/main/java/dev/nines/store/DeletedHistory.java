package dev.nines.store;

/**
 * What {@link NinesStore#deleteOlderThan} removed. Each dataset's newest schema snapshot is always
 * kept, so schema drift still has something to compare with; so are a pipeline run still RUNNING
 * and the newest run of each job.
 *
 * @param runs check runs
 * @param observations of check runs, pipeline runs and the pipeline watcher
 * @param measurements of check runs and lineage events
 * @param pipelineRuns runs derived from lineage events
 * @param lineageEvents events of those runs, and dataset and job events
 * @param findings the pipeline watcher's remembered conclusions
 */
public record DeletedHistory(
    int runs,
    int observations,
    int measurements,
    int schemaSnapshots,
    int pipelineRuns,
    int lineageEvents,
    int findings) {
  /** Check history only, nothing of pipeline runs. */
  public DeletedHistory(int runs, int observations, int measurements, int schemaSnapshots) {
    this(runs, observations, measurements, schemaSnapshots, 0, 0, 0);
  }
}
