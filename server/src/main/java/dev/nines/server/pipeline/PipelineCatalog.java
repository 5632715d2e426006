package dev.nines.server.pipeline;

import dev.nines.pipeline.JobPattern;
import dev.nines.pipeline.PipelineMatcher;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pipelines the spec declares and the reported jobs each one answers for: the jobs seen that
 * its patterns match, plus its exact jobs (so a run can be reported before any was seen).
 */
public final class PipelineCatalog {
  private final Spec spec;
  private final PipelineMatcher matcher;

  private PipelineCatalog(Spec spec) {
    this.spec = spec;
    this.matcher = new PipelineMatcher(spec.pipelines().values());
  }

  public static PipelineCatalog of(Spec spec) {
    return new PipelineCatalog(spec);
  }

  public Collection<PipelineSpec> pipelines() {
    return spec.pipelines().values();
  }

  public Optional<PipelineSpec> find(String name) {
    return Optional.ofNullable(spec.pipelines().get(name));
  }

  /** Whether any declared pipeline watches this job. */
  public boolean monitors(String namespace, String jobName) {
    return matcher.pipelineOf(namespace, jobName).isPresent();
  }

  /** The pipeline a job's runs belong to: the first in spec order whose patterns match it. */
  public Optional<PipelineSpec> pipelineOf(String namespace, String jobName) {
    return matcher.pipelineOf(namespace, jobName);
  }

  /**
   * The concrete jobs whose runs are this pipeline's: every seen job it is the pipeline of, and
   * each exact pattern ({@code *} namespace: any).
   */
  public List<JobRef> jobsOf(PipelineSpec pipeline, List<JobSeen> seen) {
    Set<JobRef> jobs = new LinkedHashSet<>();
    for (JobPattern pattern : pipeline.jobs()) {
      if (!pattern.name().contains("*")) {
        boolean anyNamespace = pattern.namespace().equals(JobPattern.ANY);
        if (anyNamespace || !pattern.namespace().contains("*")) {
          jobs.add(new JobRef(anyNamespace ? null : pattern.namespace(), pattern.name()));
        }
      }
    }
    for (JobSeen job : seen) {
      if (pipelineOf(job.jobNamespace(), job.jobName())
          .filter(owner -> owner.name().equals(pipeline.name()))
          .isPresent()) {
        jobs.add(new JobRef(job.jobNamespace(), job.jobName()));
      }
    }
    return new ArrayList<>(jobs);
  }
}
