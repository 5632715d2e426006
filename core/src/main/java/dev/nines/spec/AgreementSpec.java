package dev.nines.spec;

import java.util.List;
import java.util.Objects;

/**
 * One promise made to a consumer and what it covers: any failing check of its datasets, its single
 * checks ({@code dataset.check}) and its pipelines touch the agreement.
 *
 * @param promise the promise as written, e.g. {@code orders is never older than 24 hours}
 * @param datasets names under {@code datasets:}
 * @param checks single checks as {@code dataset.check}
 * @param pipelines names under {@code pipelines:}
 * @param slos SLO names: their burn-rate alerts (incidents about the SLO) touch the agreement
 * @param remediation a pipeline whose remediation applies, or free text; may be null
 * @param location where it was declared
 */
public record AgreementSpec(
    String promise,
    List<String> datasets,
    List<String> checks,
    List<String> pipelines,
    List<String> slos,
    String remediation,
    SpecLocation location) {
  public AgreementSpec {
    Objects.requireNonNull(promise, "promise");
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    checks = checks == null ? List.of() : List.copyOf(checks);
    pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    slos = slos == null ? List.of() : List.copyOf(slos);
    location = location == null ? SpecLocation.UNKNOWN : location;
  }

  /** Whether a failure of {@code check} on {@code dataset} touches this agreement. */
  public boolean coversCheck(String dataset, String check) {
    return datasets.contains(dataset) || checks.contains(dataset + "." + check);
  }

  /** Whether a burn-rate alert of the SLO touches this agreement. */
  public boolean coversSlo(String slo) {
    return slos.contains(slo);
  }

  /** Whether anything failing on {@code dataset} (any check) touches this agreement. */
  public boolean coversDataset(String dataset) {
    return datasets.contains(dataset)
        || checks.stream().anyMatch(check -> check.startsWith(dataset + "."));
  }

  /** Whether a failure of the pipeline touches this agreement. */
  public boolean coversPipeline(String pipeline) {
    return pipelines.contains(pipeline);
  }
}
