package dev.nines.server.pipeline;

import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import dev.nines.store.PipelineRunRecord;
import java.util.List;

/**
 * Where a pipeline watcher reads runs from: the seam between run ingestion (this server) and the
 * expectations of the {@code pipelines:} section (missed, late, failed, too-long runs).
 */
public interface PipelineRunsSource {
  /** Runs of any of {@code jobs}, newest first (by start, else last event). */
  List<PipelineRunRecord> runsOf(List<JobRef> jobs, int limit, int offset);

  /** Every job that reported a run. */
  List<JobSeen> jobsSeen();
}
