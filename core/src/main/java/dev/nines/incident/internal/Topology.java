package dev.nines.incident.internal;

import dev.nines.incident.Subject;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the spec says about how subjects hang together: the source of each dataset, and what is
 * downstream of a pipeline (its outputs, then the outputs of pipelines that read them, and so on).
 */
public final class Topology {
  private final Spec spec;

  public Topology(Spec spec) {
    this.spec = spec;
  }

  /** The source a dataset is on, or null when the spec does not declare the dataset. */
  public String sourceOf(String dataset) {
    DatasetSpec spec = this.spec.datasets().get(dataset);
    return spec == null ? null : spec.source();
  }

  /** Datasets on a source, in spec order. */
  public List<String> datasetsOn(String source) {
    return spec.datasets().values().stream()
        .filter(dataset -> source.equals(dataset.source()))
        .map(DatasetSpec::name)
        .toList();
  }

  /** The pipeline's outputs and everything fed from them through declared inputs. */
  public Set<String> downstreamOfPipeline(String pipeline) {
    PipelineSpec spec = this.spec.pipelines().get(pipeline);
    return spec == null ? Set.of() : closure(spec.outputs());
  }

  /** The datasets and everything fed from them through pipelines' declared inputs. */
  public Set<String> closure(List<String> datasets) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(datasets);
    while (!todo.isEmpty()) {
      String dataset = todo.poll();
      if (!seen.add(dataset)) {
        continue;
      }
      for (PipelineSpec pipeline : spec.pipelines().values()) {
        if (pipeline.inputs().contains(dataset)) {
          todo.addAll(pipeline.outputs());
        }
      }
    }
    return seen;
  }

  /** Pipelines whose downstream holds the dataset: a failure of one of them explains it. */
  public List<String> pipelinesUpstreamOf(String dataset) {
    return spec.pipelines().keySet().stream()
        .filter(pipeline -> downstreamOfPipeline(pipeline).contains(dataset))
        .toList();
  }

  /** Pipelines that write the dataset. */
  public List<String> pipelinesWriting(String dataset) {
    return spec.pipelines().values().stream()
        .filter(pipeline -> pipeline.outputs().contains(dataset))
        .map(PipelineSpec::name)
        .toList();
  }

  /**
   * The declared owner of a dataset or pipeline; for a source, the owner all its datasets share;
   * for an SLO, the owner of what its SLI reads.
   */
  public String ownerOf(Subject subject) {
    return switch (subject.kind()) {
      case DATASET -> {
        DatasetSpec dataset = spec.datasets().get(subject.name());
        yield dataset == null ? null : dataset.owner();
      }
      case PIPELINE -> {
        PipelineSpec pipeline = spec.pipelines().get(subject.name());
        yield pipeline == null ? null : pipeline.owner();
      }
      case SOURCE -> {
        Set<String> owners = new LinkedHashSet<>();
        datasetsOn(subject.name()).forEach(name -> owners.add(spec.datasets().get(name).owner()));
        yield owners.size() == 1 ? owners.iterator().next() : null;
      }
      case SLO -> {
        dev.nines.spec.SloSpec slo = spec.slos().get(subject.name());
        yield slo == null ? null : ownerOf(measured(slo.sli()));
      }
    };
  }

  /** The dataset or pipeline an SLI reads, whose owner answers for the SLO. */
  private static Subject measured(dev.nines.spec.SliSpec sli) {
    if (sli instanceof dev.nines.spec.SliSpec.PipelineRuns runs) {
      return Subject.pipeline(runs.pipeline());
    }
    if (sli instanceof dev.nines.spec.SliSpec.Freshness freshness) {
      return Subject.dataset(freshness.dataset());
    }
    if (sli instanceof dev.nines.spec.SliSpec.CheckResults check) {
      return Subject.dataset(check.dataset());
    }
    if (sli instanceof dev.nines.spec.SliSpec.MetricThreshold threshold) {
      return Subject.dataset(threshold.metric().dataset());
    }
    return Subject.dataset(((dev.nines.spec.SliSpec.MetricRatio) sli).good().dataset());
  }

  /** Tags of a dataset or pipeline. */
  public List<String> tagsOf(Subject subject) {
    if (subject.kind() == dev.nines.incident.SubjectKind.DATASET) {
      DatasetSpec dataset = spec.datasets().get(subject.name());
      return dataset == null ? List.of() : dataset.tags();
    }
    if (subject.kind() == dev.nines.incident.SubjectKind.PIPELINE) {
      PipelineSpec pipeline = spec.pipelines().get(subject.name());
      return pipeline == null ? List.of() : pipeline.tags();
    }
    return List.of();
  }
}
