package dev.nines.incident;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An incident book in memory, with the observations it was shown, for the manager's tests. */
final class MemoryIncidentBook implements IncidentBook {
  final Map<Long, TrackedIncident> incidents = new LinkedHashMap<>();
  final List<TimelineEntry> timeline = new ArrayList<>();
  final Map<Long, Observation> observations = new LinkedHashMap<>();
  final Map<Long, Map<Long, ObservationRole>> links = new LinkedHashMap<>();

  @Override
  public Optional<TrackedIncident> active(String key) {
    return incidents.values().stream()
        .filter(t -> t.incident().key().equals(key) && t.incident().isActive())
        .findFirst();
  }

  @Override
  public Optional<TrackedIncident> lastResolved(String key) {
    return incidents.values().stream()
        .filter(t -> t.incident().key().equals(key) && !t.incident().isActive())
        .max(Comparator.comparing(t -> t.incident().resolvedAt()));
  }

  @Override
  public List<TrackedIncident> activeAbout(Subject subject) {
    return activeAll().stream().filter(t -> t.incident().subject().equals(subject)).toList();
  }

  @Override
  public List<TrackedIncident> activeAll() {
    return incidents.values().stream().filter(t -> t.incident().isActive()).toList();
  }

  @Override
  public Optional<TrackedIncident> byId(long id) {
    return Optional.ofNullable(incidents.get(id));
  }

  @Override
  public Optional<Instant> lastPass(String dataset, String check, Instant before) {
    return observations.values().stream()
        .filter(o -> o.dataset().equals(dataset) && o.check().equals(check))
        .filter(o -> o.status() == Status.PASS && o.observedAt().isBefore(before))
        .map(Observation::observedAt)
        .max(Comparator.naturalOrder());
  }

  @Override
  public Set<String> causeChecks(long incidentId) {
    Set<String> checks = new LinkedHashSet<>();
    links
        .getOrDefault(incidentId, Map.of())
        .forEach(
            (observation, role) -> {
              if (role == ObservationRole.CAUSE) {
                checks.add(observations.get(observation).check());
              }
            });
    return checks;
  }

  @Override
  public TrackedIncident insert(TrackedIncident incident) {
    long id = incidents.size() + 1;
    Incident i = incident.incident();
    TrackedIncident saved =
        incident.with(
            new Incident(
                id,
                i.key(),
                i.title(),
                i.subject(),
                i.cause(),
                i.kind(),
                i.severity(),
                i.severityRule(),
                i.status(),
                i.resolution(),
                i.owner(),
                i.consumers(),
                i.agreements(),
                i.impact(),
                i.startedAt(),
                i.detectedAt(),
                i.acknowledgedAt(),
                i.resolvedAt(),
                i.lastFailureAt(),
                i.observationCount(),
                i.lastMessage()));
    incidents.put(id, saved);
    return saved;
  }

  @Override
  public void update(TrackedIncident incident) {
    incidents.put(incident.id(), incident);
  }

  @Override
  public void link(long incidentId, long observationId, ObservationRole role) {
    links.computeIfAbsent(incidentId, id -> new LinkedHashMap<>()).putIfAbsent(observationId, role);
  }

  @Override
  public TimelineEntry append(TimelineEntry entry) {
    TimelineEntry saved =
        new TimelineEntry(
            timeline.size() + 1,
            entry.incidentId(),
            entry.at(),
            entry.kind(),
            entry.actor(),
            entry.text());
    timeline.add(saved);
    return saved;
  }

  /** Shows an observation to the manager as the store would: remembered, then observed. */
  void feed(IncidentManager manager, Observation observation) {
    long id = observations.size() + 1;
    observations.put(id, observation);
    manager.observe(id, observation, this);
  }

  Incident only() {
    if (incidents.size() != 1) {
      throw new AssertionError("expected one incident, got " + incidents.values());
    }
    return incidents.values().iterator().next().incident();
  }

  List<TimelineKind> kinds(long incidentId) {
    return timeline.stream()
        .filter(e -> e.incidentId() == incidentId)
        .map(TimelineEntry::kind)
        .toList();
  }
}
