package dev.nines.store.report;

import dev.nines.pipeline.JobPattern;
import dev.nines.pipeline.PipelineMatcher;
import dev.nines.report.WriterRun;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import dev.nines.store.PipelineRunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pipelines that write a dataset and their runs: the pipelines whose {@code outputs:} list it,
 * and the jobs of lineage runs that reported writing it (an outputStatistics facet on it).
 *
 * @param writers pipeline names, then the names of undeclared jobs, each once
 * @param runs their runs, each once
 */
record DatasetWriters(List<String> writers, List<WriterRun> runs) {
  static DatasetWriters of(NinesStore store, Spec spec, String dataset, Instant since, int limit) {
    PipelineMatcher matcher = new PipelineMatcher(spec.pipelines().values());
    Set<String> writers = new LinkedHashSet<>();
    Map<UUID, WriterRun> runs = new LinkedHashMap<>();
    List<PipelineSpec> declared =
        spec.pipelines().values().stream().filter(p -> p.outputs().contains(dataset)).toList();
    List<JobSeen> seen = declared.isEmpty() ? List.of() : store.jobsSeen();
    for (PipelineSpec pipeline : declared) {
      writers.add(pipeline.name());
      for (PipelineRunRecord run : store.pipelineRuns(jobsOf(pipeline, matcher, seen), limit, 0)) {
        runs.putIfAbsent(run.runId(), writerRun(run, Optional.of(pipeline)));
      }
    }
    for (PipelineRunRecord run : store.pipelineRunsWriting(dataset, since, limit)) {
      Optional<PipelineSpec> pipeline = matcher.pipelineOf(run.jobNamespace(), run.jobName());
      writers.add(pipeline.map(PipelineSpec::name).orElse(run.jobName()));
      runs.putIfAbsent(run.runId(), writerRun(run, pipeline));
    }
    return new DatasetWriters(List.copyOf(writers), new ArrayList<>(runs.values()));
  }

  /**
   * The jobs a pipeline answers for: its exact patterns, and each seen job whose pipeline it is
   * (the way the pipeline watcher reads them).
   */
  private static List<JobRef> jobsOf(
      PipelineSpec pipeline, PipelineMatcher matcher, List<JobSeen> seen) {
    Set<JobRef> jobs = new LinkedHashSet<>();
    for (JobPattern pattern : pipeline.jobs()) {
      boolean anyNamespace = pattern.namespace().equals(JobPattern.ANY);
      if (!pattern.name().contains("*") && (anyNamespace || !pattern.namespace().contains("*"))) {
        jobs.add(new JobRef(anyNamespace ? null : pattern.namespace(), pattern.name()));
      }
    }
    for (JobSeen job : seen) {
      matcher
          .pipelineOf(job.jobNamespace(), job.jobName())
          .filter(owner -> owner.name().equals(pipeline.name()))
          .ifPresent(owner -> jobs.add(new JobRef(job.jobNamespace(), job.jobName())));
    }
    return new ArrayList<>(jobs);
  }

  private static WriterRun writerRun(PipelineRunRecord run, Optional<PipelineSpec> pipeline) {
    return WriterRun.of(
        run.runId().toString(),
        pipeline.map(PipelineSpec::name).orElse(run.jobName()),
        run.state() == PipelineRunState.COMPLETE,
        run.startedAt(),
        run.endedAt(),
        run.duration(),
        run.nominalStart(),
        run.nominalEnd(),
        pipeline.map(PipelineSpec::schedule).orElse(null));
  }
}
