package dev.nines.notify;

import dev.nines.incident.Incident;
import dev.nines.incident.Severity;
import dev.nines.incident.SubjectKind;
import dev.nines.observation.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which incidents a route takes. Each non-empty list must match (one of its values); an empty list
 * matches anything, so an empty match takes every incident.
 *
 * @param severities the incident's severity
 * @param owners the incident's owner
 * @param consumers one of the consumers whose agreements it affects
 * @param tags one of the tags of its dataset or pipeline
 * @param kinds SYSTEM or DATA
 * @param datasets its subject, when a dataset
 * @param pipelines its subject, when a pipeline
 */
public record RouteMatch(
    Set<Severity> severities,
    List<String> owners,
    List<String> consumers,
    List<String> tags,
    Set<Kind> kinds,
    List<String> datasets,
    List<String> pipelines) {
  /** Matches every incident. */
  public static final RouteMatch ANY =
      new RouteMatch(Set.of(), List.of(), List.of(), List.of(), Set.of(), List.of(), List.of());

  public RouteMatch {
    severities = severities == null ? Set.of() : Set.copyOf(severities);
    owners = owners == null ? List.of() : List.copyOf(owners);
    consumers = consumers == null ? List.of() : List.copyOf(consumers);
    tags = tags == null ? List.of() : List.copyOf(tags);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    datasets = datasets == null ? List.of() : List.copyOf(datasets);
    pipelines = pipelines == null ? List.of() : List.copyOf(pipelines);
  }

  /**
   * Whether the incident matches.
   *
   * @param subjectTags the tags of the incident's dataset or pipeline in the spec
   */
  public boolean matches(Incident incident, Collection<String> subjectTags) {
    return (severities.isEmpty() || severities.contains(incident.severity()))
        && (owners.isEmpty() || owners.contains(incident.owner()))
        && (consumers.isEmpty() || incident.consumers().stream().anyMatch(consumers::contains))
        && (tags.isEmpty() || subjectTags.stream().anyMatch(tags::contains))
        && (kinds.isEmpty() || kinds.contains(incident.kind()))
        && (datasets.isEmpty() || isSubject(incident, SubjectKind.DATASET, datasets))
        && (pipelines.isEmpty() || isSubject(incident, SubjectKind.PIPELINE, pipelines));
  }

  /** Whether it names INFO, the one severity no route takes unless asked. */
  public boolean asksForInfo() {
    return severities.contains(Severity.INFO);
  }

  private static boolean isSubject(Incident incident, SubjectKind kind, List<String> names) {
    return incident.subject().kind() == kind && names.contains(incident.subject().name());
  }
}
