package dev.nines.server.pipeline;

import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import java.util.List;

/** Runs as the store keeps them. */
public final class StorePipelineRuns implements PipelineRunsSource {
  private final NinesStore store;

  public StorePipelineRuns(NinesStore store) {
    this.store = store;
  }

  @Override
  public List<PipelineRunRecord> runsOf(List<JobRef> jobs, int limit, int offset) {
    return store.pipelineRuns(jobs, limit, offset);
  }

  @Override
  public List<JobSeen> jobsSeen() {
    return store.jobsSeen();
  }
}
