package dev.nines.store;

import dev.nines.incident.Incident;
import dev.nines.incident.IncidentActions;
import dev.nines.incident.IncidentLog;
import dev.nines.incident.IncidentManager;
import dev.nines.incident.ObservationRole;
import dev.nines.incident.Resolution;
import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TrackedIncident;
import dev.nines.observation.Status;
import dev.nines.store.internal.IncidentDao;
import dev.nines.store.internal.NumberedObservation;
import dev.nines.store.internal.StoreColumns;
import dev.nines.store.internal.StoreFailures;
import dev.nines.store.internal.StoreIncidentBook;
import dev.nines.store.internal.StoreJson;
import dev.nines.store.internal.StoreUrl;
import dev.nines.store.internal.WorkCursorDao;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Incidents in the store: the incident manager's processing of new observations (one batch per
 * transaction, under the {@code incidents} work cursor locked FOR UPDATE so replicas take turns),
 * people's actions, and reads for the CLI and the API.
 */
public final class IncidentStore implements IncidentLog {
  /** The work cursor row of the incident manager: the last observation id it processed. */
  public static final String CURSOR = "incidents";

  /** Observations processed per transaction. */
  public static final int BATCH = 500;

  private final Jdbi jdbi;
  private final StoreJson json;
  private final StoreUrl url;
  private final Clock clock;
  // set once the cursor row is known to exist: creating it reads the whole observation table on H2
  private final AtomicBoolean cursorExists;

  IncidentStore(Jdbi jdbi, StoreJson json, StoreUrl url, Clock clock) {
    this(jdbi, json, url, clock, new AtomicBoolean());
  }

  private IncidentStore(
      Jdbi jdbi, StoreJson json, StoreUrl url, Clock clock, AtomicBoolean cursorExists) {
    this.jdbi = jdbi;
    this.json = json;
    this.url = url;
    this.clock = clock;
    this.cursorExists = cursorExists;
  }

  /** The same store with another clock (for updated times and people's actions). */
  public IncidentStore withClock(Clock other) {
    return new IncidentStore(jdbi, json, url, other, cursorExists);
  }

  /**
   * Processes every observation stored since the last call (on any replica), a batch per
   * transaction; returns how many it processed.
   */
  public int process(IncidentManager manager) {
    int total = 0;
    while (true) {
      int processed =
          inCursor("process observations into incidents", cursor -> batch(manager, cursor));
      total += processed;
      if (processed < BATCH) {
        return total;
      }
    }
  }

  /** Raises the severity of incidents unresolved too long; once, whichever replica does it. */
  public void escalate(IncidentManager manager) {
    inCursor(
        "escalate incidents",
        cursor -> {
          manager.escalate(cursor.book);
          return 0;
        });
  }

  private int batch(IncidentManager manager, CursorBook cursor) {
    List<NumberedObservation> batch = cursor.book.observationsAfter(cursor.position, BATCH);
    for (NumberedObservation numbered : batch) {
      manager.observe(numbered.id(), numbered.observation(), cursor.book);
    }
    if (!batch.isEmpty()) {
      cursor.cursors.advance(CURSOR, batch.get(batch.size() - 1).id(), clock.instant());
    }
    return batch.size();
  }

  public Incident acknowledge(long id, String actor) {
    return inCursor("acknowledge incident", c -> actions().acknowledge(c.book, id, actor));
  }

  public Incident resolve(long id, Resolution resolution, String actor, String comment) {
    return inCursor(
        "resolve incident", c -> actions().resolve(c.book, id, resolution, actor, comment));
  }

  public Incident assign(long id, String owner, String actor) {
    return inCursor("assign incident", c -> actions().assign(c.book, id, owner, actor));
  }

  public TimelineEntry comment(long id, String text, String actor) {
    return inCursor("comment on incident", c -> actions().comment(c.book, id, text, actor));
  }

  @Override
  public Optional<Incident> incident(long id) {
    return attempt(
        "read incidents",
        () -> jdbi.onDemand(IncidentDao.class).byId(id).map(TrackedIncident::incident));
  }

  @Override
  public List<TimelineEntry> timeline(long incidentId) {
    return attempt(
        "read incident timeline", () -> jdbi.onDemand(IncidentDao.class).timeline(incidentId));
  }

  @Override
  public TimelineEntry append(TimelineEntry entry) {
    return attempt(
        "write incident timeline",
        () ->
            jdbi.inTransaction(handle -> new StoreIncidentBook(handle, json, clock).append(entry)));
  }

  /** Incidents matching {@code query}, newest first. */
  public List<Incident> list(IncidentQuery query, int limit, int offset) {
    if (limit < 1 || offset < 0) {
      throw new IllegalArgumentException("need limit >= 1 and offset >= 0");
    }
    return attempt(
        "read incidents",
        () ->
            jdbi
                .onDemand(IncidentDao.class)
                .list(
                    query.status() == null ? null : query.status().name(),
                    query.active(),
                    query.severity() == null ? null : query.severity().name(),
                    query.subject(),
                    query.subject() == null ? null : "%\"name\":\"" + query.subject() + "\"%",
                    query.owner(),
                    query.consumer() == null ? null : "%\"" + query.consumer() + "\"%",
                    StoreColumns.toMillis(query.since()),
                    StoreColumns.toMillis(query.until()),
                    limit,
                    offset)
                .stream()
                .map(TrackedIncident::incident)
                .toList());
  }

  /** The observations an incident groups, oldest first. */
  public List<IncidentObservation> observations(long incidentId, int limit) {
    return attempt(
        "read incident observations",
        () ->
            jdbi.onDemand(IncidentDao.class).observations(incidentId, limit).stream()
                .map(
                    row ->
                        new IncidentObservation(
                            ObservationRole.valueOf(row.role()),
                            row.id(),
                            row.dataset(),
                            row.checkName(),
                            row.checkType(),
                            Status.valueOf(row.status()),
                            row.message(),
                            row.observedAt()))
                .toList());
  }

  private IncidentActions actions() {
    return new IncidentActions(clock);
  }

  /** The book and the cursor position inside one transaction holding the cursor's row lock. */
  private record CursorBook(StoreIncidentBook book, WorkCursorDao cursors, long position) {}

  private <T> T inCursor(String action, Function<CursorBook, T> work) {
    return attempt(
        action,
        () -> {
          createCursor();
          return jdbi.inTransaction(
              handle -> {
                WorkCursorDao cursors = handle.attach(WorkCursorDao.class);
                long position = cursors.lock(CURSOR).orElseThrow();
                return work.apply(new CursorBook(book(handle), cursors, position));
              });
        });
  }

  /**
   * Makes sure the incident manager's cursor exists: the first time, it starts after the newest
   * observation stored, so history from before incidents existed is not turned into incidents. Call
   * it before saving observations that must be processed.
   */
  public void startTailing() {
    attempt(
        "start the incident manager",
        () -> {
          createCursor();
          return null;
        });
  }

  private void createCursor() {
    if (cursorExists.get()) {
      return;
    }
    try {
      jdbi.useHandle(
          handle ->
              handle
                  .attach(WorkCursorDao.class)
                  .createAtNewestObservation(CURSOR, StoreColumns.toMillis(clock.instant())));
      cursorExists.set(true);
    } catch (JdbiException e) {
      // another replica created it at the same moment; the lock below reads theirs
    }
  }

  private StoreIncidentBook book(Handle handle) {
    return new StoreIncidentBook(handle, json, clock);
  }

  private <T> T attempt(String action, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw StoreFailures.failed(url, action, e);
    }
  }
}
