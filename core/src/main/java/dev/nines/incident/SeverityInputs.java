package dev.nines.incident;

import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import java.util.List;
import java.util.Objects;

/**
 * Everything the severity policy decides from.
 *
 * @param subject what failed
 * @param kind SYSTEM or DATA
 * @param status the failing observation's status: WARN, FAIL or ERROR
 * @param checkType e.g. duplicates, pipeline_missed
 * @param datasets the datasets involved: the subject's, the source's, the impact
 * @param tags tags of the subject and the datasets involved
 * @param pipelines the subject pipeline and pipelines writing the datasets involved
 * @param owner the incident's owner, may be null
 * @param touched the consumers' agreements the incident touches
 */
public record SeverityInputs(
    Subject subject,
    Kind kind,
    Status status,
    String checkType,
    List<String> datasets,
    List<String> tags,
    List<String> pipelines,
    String owner,
    List<TouchedAgreement> touched) {
  public SeverityInputs {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    checkType = checkType == null ? "" : checkType;
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    tags = tags == null ? List.of() : List.copyOf(tags);
    pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    touched = touched == null ? List.of() : List.copyOf(touched);
  }

  /** Names of the consumers touched, each once. */
  public List<String> consumers() {
    return touched.stream().map(TouchedAgreement::consumer).distinct().toList();
  }

  /** The promises touched, each once. */
  public List<String> promises() {
    return touched.stream().map(TouchedAgreement::promise).distinct().toList();
  }
}
