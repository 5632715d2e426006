package dev.nines.server.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipelines the spec declares and the OpenLineage jobs each one matches ({@code job:
 * {namespace, name}} or a list of them); a pipeline without {@code job} matches jobs of its own
 * name.
 */
public final class PipelineCatalog {
  private final List<DeclaredPipeline> pipelines;

  /** One declared pipeline. */
  public record DeclaredPipeline(String name, List<JobRef> jobs) {
    public DeclaredPipeline {
      jobs = List.copyOf(jobs);
    }

    /** Whether a reported job is one of this pipeline's. */
    public boolean matches(String namespace, String jobName) {
      return jobs.stream()
          .anyMatch(
              job ->
                  job.name().equals(jobName)
                      && (job.namespace() == null || job.namespace().equals(namespace)));
    }
  }

  private PipelineCatalog(List<DeclaredPipeline> pipelines) {
    this.pipelines = List.copyOf(pipelines);
  }

  public static PipelineCatalog of(Spec spec) {
    JsonNode section = spec.later().get("pipelines");
    List<DeclaredPipeline> pipelines = new ArrayList<>();
    if (section != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        pipelines.add(
            new DeclaredPipeline(entry.getKey(), jobsOf(entry.getKey(), entry.getValue())));
      }
    }
    return new PipelineCatalog(pipelines);
  }

  public List<DeclaredPipeline> pipelines() {
    return pipelines;
  }

  public Optional<DeclaredPipeline> find(String name) {
    return pipelines.stream().filter(pipeline -> pipeline.name().equals(name)).findFirst();
  }

  /** Whether any declared pipeline watches this job. */
  public boolean monitors(String namespace, String jobName) {
    return pipelines.stream().anyMatch(pipeline -> pipeline.matches(namespace, jobName));
  }

  private static List<JobRef> jobsOf(String pipeline, JsonNode declaration) {
    JsonNode job = declaration == null ? null : declaration.get("job");
    List<JobRef> jobs = new ArrayList<>();
    if (job != null && job.isArray()) {
      job.forEach(each -> jobRef(each).ifPresent(jobs::add));
    } else if (job != null) {
      jobRef(job).ifPresent(jobs::add);
    }
    if (jobs.isEmpty()) {
      jobs.add(new JobRef(null, pipeline));
    }
    return jobs;
  }

  private static Optional<JobRef> jobRef(JsonNode job) {
    if (job.isTextual() && !job.asText().isBlank()) {
      return Optional.of(new JobRef(null, job.asText()));
    }
    JsonNode name = job.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      return Optional.empty();
    }
    JsonNode namespace = job.get("namespace");
    return Optional.of(
        new JobRef(
            namespace == null || namespace.isNull() ? null : namespace.asText(), name.asText()));
  }
}
