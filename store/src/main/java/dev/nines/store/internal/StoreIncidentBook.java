package dev.nines.store.internal;

import dev.nines.incident.IncidentBook;
import dev.nines.incident.ObservationRole;
import dev.nines.incident.Subject;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TrackedIncident;
import dev.nines.observation.Observation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The incident book over the store's tables, within the transaction of {@code handle}. */
public final class StoreIncidentBook implements IncidentBook {
  private static final RowMapper<Observation> OBSERVATIONS =
      ConstructorMapper.of(Observation.class);

  private final Handle handle;
  private final IncidentDao incidents;
  private final StoreJson json;
  private final Clock clock;

  public StoreIncidentBook(Handle handle, StoreJson json, Clock clock) {
    this.handle = handle;
    this.incidents = handle.attach(IncidentDao.class);
    this.json = json;
    this.clock = clock;
  }

  /** Observations stored after {@code position}, oldest first. */
  public List<NumberedObservation> observationsAfter(long position, int limit) {
    return handle
        .createQuery(
            """
            SELECT id, dataset, check_name AS "check", check_type, status, kind, error_category,
                   metric_value AS "value", expectation, message, details, queries, observed_at,
                   elapsed_ms AS elapsed
            FROM observation WHERE id > :position ORDER BY id LIMIT :limit
            """)
        .bind("position", position)
        .bind("limit", limit)
        .map(
            (rs, context) ->
                new NumberedObservation(rs.getLong("id"), OBSERVATIONS.map(rs, context)))
        .list();
  }

  @Override
  public Optional<TrackedIncident> active(String key) {
    return incidents.active(key);
  }

  @Override
  public Optional<TrackedIncident> lastResolved(String key) {
    return incidents.lastResolved(key);
  }

  @Override
  public List<TrackedIncident> activeAbout(Subject subject) {
    return incidents.activeAbout(subject.kind().name(), subject.name());
  }

  @Override
  public List<TrackedIncident> activeAll() {
    return incidents.activeAll();
  }

  @Override
  public Optional<TrackedIncident> byId(long id) {
    return incidents.byId(id);
  }

  @Override
  public Optional<Instant> lastPass(String dataset, String check, Instant before) {
    return incidents.lastPass(dataset, check, before).stream().findFirst();
  }

  @Override
  public Set<String> causeChecks(long incidentId) {
    return new LinkedHashSet<>(incidents.causeChecks(incidentId));
  }

  @Override
  public TrackedIncident insert(TrackedIncident incident) {
    long id = incidents.insert(IncidentRow.of(incident, json, clock.instant()));
    return incidents.byId(id).orElseThrow();
  }

  @Override
  public void update(TrackedIncident incident) {
    incidents.update(IncidentRow.of(incident, json, clock.instant()));
  }

  @Override
  public void link(long incidentId, long observationId, ObservationRole role) {
    if (incidents.linked(incidentId, observationId) == 0) {
      incidents.link(incidentId, observationId, role.name());
    }
  }

  @Override
  public TimelineEntry append(TimelineEntry entry) {
    Instant at = StoreColumns.toMillis(entry.at());
    long id =
        incidents.append(entry.incidentId(), at, entry.kind().name(), entry.actor(), entry.text());
    return new TimelineEntry(id, entry.incidentId(), at, entry.kind(), entry.actor(), entry.text());
  }
}
