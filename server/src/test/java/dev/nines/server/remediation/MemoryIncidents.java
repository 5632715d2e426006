package dev.nines.server.remediation;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentLog;
import dev.nines.incident.TimelineEntry;
import dev.nines.remediation.TimelineTail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Incidents and their timelines in memory, for tests of the logic above the store. */
final class MemoryIncidents implements IncidentLog, TimelineTail {
  private final Map<Long, Incident> incidents = new HashMap<>();
  private final List<TimelineEntry> log = new ArrayList<>();
  private final Map<String, Long> cursors = new HashMap<>();

  synchronized void put(Incident incident) {
    incidents.put(incident.id(), incident);
  }

  @Override
  public synchronized Optional<Incident> incident(long id) {
    return Optional.ofNullable(incidents.get(id));
  }

  @Override
  public synchronized List<TimelineEntry> timeline(long incidentId) {
    return log.stream().filter(entry -> entry.incidentId() == incidentId).toList();
  }

  @Override
  public synchronized TimelineEntry append(TimelineEntry entry) {
    TimelineEntry stored =
        new TimelineEntry(
            log.size() + 1,
            entry.incidentId(),
            entry.at(),
            entry.kind(),
            entry.actor(),
            entry.text());
    log.add(stored);
    return stored;
  }

  @Override
  public synchronized <R> R next(String cursor, int limit, Function<Batch, R> work) {
    long position = cursors.computeIfAbsent(cursor, name -> (long) log.size());
    List<TimelineEntry> entries =
        log.stream().filter(entry -> entry.id() > position).limit(limit).toList();
    R result =
        work.apply(
            new Batch() {
              @Override
              public List<TimelineEntry> entries() {
                return entries;
              }

              @Override
              public List<TimelineEntry> timeline(long incidentId) {
                return MemoryIncidents.this.timeline(incidentId);
              }

              @Override
              public TimelineEntry append(TimelineEntry entry) {
                return MemoryIncidents.this.append(entry);
              }
            });
    if (!entries.isEmpty()) {
      cursors.put(cursor, entries.get(entries.size() - 1).id());
    }
    return result;
  }
}
