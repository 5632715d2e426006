package dev.nines.pipeline;

import dev.nines.spec.PipelineSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the pipeline of a job (the first in spec order whose job patterns match it) and lists the
 * jobs that match none.
 */
public final class PipelineMatcher {
  private final List<PipelineSpec> pipelines;

  public PipelineMatcher(Collection<PipelineSpec> pipelines) {
    this.pipelines = List.copyOf(pipelines);
  }

  /** The pipeline whose runs a job's runs are. */
  public Optional<PipelineSpec> pipelineOf(String jobNamespace, String jobName) {
    return pipelines.stream()
        .filter(pipeline -> pipeline.matches(jobNamespace, jobName))
        .findFirst();
  }

  /** The jobs of these runs that match no pipeline, most recently seen first. */
  public List<UnmonitoredJob> unmonitored(Collection<PipelineRun> runs) {
    Map<List<String>, UnmonitoredJob> jobs = new LinkedHashMap<>();
    for (PipelineRun run : runs) {
      if (run.jobName() == null || pipelineOf(run.jobNamespace(), run.jobName()).isPresent()) {
        continue;
      }
      Instant seen = latest(run);
      jobs.merge(
          Arrays.asList(run.jobNamespace(), run.jobName()),
          new UnmonitoredJob(run.jobNamespace(), run.jobName(), 1, seen),
          (earlier, next) ->
              new UnmonitoredJob(
                  earlier.namespace(),
                  earlier.name(),
                  earlier.runs() + 1,
                  later(earlier.lastSeen(), next.lastSeen())));
    }
    return jobs.values().stream()
        .sorted(
            Comparator.comparing(
                    UnmonitoredJob::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(job -> Objects.toString(job.namespace(), ""))
                .thenComparing(UnmonitoredJob::name))
        .toList();
  }

  private static Instant latest(PipelineRun run) {
    return run.endedAt() != null ? run.endedAt() : run.firstSeen();
  }

  private static Instant later(Instant one, Instant other) {
    if (one == null) {
      return other;
    }
    return other == null || one.isAfter(other) ? one : other;
  }
}
