package dev.nines.spec;

import dev.nines.incident.Severity;
import dev.nines.observation.Kind;
import dev.nines.observation.Status;
import java.util.List;
import java.util.Objects;

/**
 * One rule of {@code incidents.severity}: when every condition that is set matches, the incident
 * gets {@code severity}. A list condition matches when any of its values does.
 *
 * @param kind SYSTEM or DATA; null for any
 * @param datasets the subject or an impacted dataset is one of these
 * @param tags a dataset involved has one of these tags
 * @param statuses the failing observation's status (WARN, FAIL, ERROR)
 * @param checkTypes the failing check's type, e.g. freshness or pipeline_missed
 * @param consumers a consumer whose agreement is touched
 * @param owners the incident's owner
 * @param pipelines the subject pipeline, or a pipeline writing an involved dataset
 * @param severity the severity it gives
 * @param index its position in the list, from 1
 * @param location where it was declared
 */
public record SeverityRuleSpec(
    Kind kind,
    List<String> datasets,
    List<String> tags,
    List<Status> statuses,
    List<String> checkTypes,
    List<String> consumers,
    List<String> owners,
    List<String> pipelines,
    Severity severity,
    int index,
    SpecLocation location) {
  public SeverityRuleSpec {
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    tags = tags == null ? List.of() : List.copyOf(tags);
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
    checkTypes = checkTypes == null ? List.of() : List.copyOf(checkTypes);
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
    owners = owners == null ? List.of() : List.copyOf(owners);
    pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
    Objects.requireNonNull(severity, "severity");
    location = location == null ? SpecLocation.UNKNOWN : location;
  }
}
