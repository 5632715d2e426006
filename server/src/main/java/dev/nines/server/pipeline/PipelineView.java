package dev.nines.server.pipeline;

import dev.nines.pipeline.JobPattern;
import dev.nines.store.PipelineRunRecord;
import java.util.List;

/**
 * A pipeline as the API shows it.
 *
 * @param monitored true when the spec declares it; false for jobs only seen in events
 * @param jobs the OpenLineage jobs it matches; {@code *} matches any run of characters
 * @param lastRun the newest run, null when none was reported
 */
public record PipelineView(
    String name, boolean monitored, List<JobPattern> jobs, PipelineRunRecord lastRun) {
  public PipelineView {
    jobs = List.copyOf(jobs);
  }
}
