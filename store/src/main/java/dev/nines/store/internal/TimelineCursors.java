package dev.nines.store.internal;

import dev.nines.incident.TimelineEntry;
import dev.nines.incident.TimelineKind;
import dev.nines.remediation.TimelineTail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The incident timelines as one log tailed by named workers: each worker's position is its {@code
 * work_cursor} row, locked {@code FOR UPDATE} for the length of a turn so replicas take turns.
 */
public final class TimelineCursors implements TimelineTail {
  private static final String COLUMNS =
      "id, incident_id, happened_at, entry_kind, actor, entry_text";

  private final Jdbi jdbi;
  private final Clock clock;

  public TimelineCursors(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public <R> R next(String cursor, int limit, Function<Batch, R> work) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    create(cursor);
    return jdbi.inTransaction(
        handle -> {
          long position =
              handle
                  .createQuery(
                      "SELECT last_position FROM work_cursor WHERE name = :name FOR UPDATE")
                  .bind("name", cursor)
                  .mapTo(Long.class)
                  .one();
          List<TimelineEntry> entries =
              handle
                  .createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM incident_timeline WHERE id > :position ORDER BY id"
                          + " FETCH FIRST :limit ROWS ONLY")
                  .bind("position", position)
                  .bind("limit", limit)
                  .map((results, context) -> entry(results))
                  .list();
          R result = work.apply(new HandleBatch(handle, entries));
          if (!entries.isEmpty()) {
            handle
                .createUpdate(
                    "UPDATE work_cursor SET last_position = :position, updated_at = :now"
                        + " WHERE name = :name")
                .bind("position", entries.get(entries.size() - 1).id())
                .bind("now", StoreColumns.toMillis(clock.instant()))
                .bind("name", cursor)
                .execute();
          }
          return result;
        });
  }

  /** A new worker starts after the newest entry: it does not replay history. */
  private void create(String cursor) {
    try {
      jdbi.useTransaction(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO work_cursor (name, last_position, updated_at)"
                          + " SELECT :name, COALESCE(MAX(id), 0), :now FROM incident_timeline"
                          + " WHERE NOT EXISTS (SELECT 1 FROM work_cursor WHERE name = :name)")
                  .bind("name", cursor)
                  .bind("now", StoreColumns.toMillis(clock.instant()))
                  .execute());
    } catch (JdbiException e) {
      // another replica created it at the same moment: it exists now, which is all we need
      if (!LineageWriter.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  private static List<TimelineEntry> timeline(Handle handle, long incidentId) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM incident_timeline WHERE incident_id = :incident ORDER BY id")
        .bind("incident", incidentId)
        .map((results, context) -> entry(results))
        .list();
  }

  private static TimelineEntry append(Handle handle, TimelineEntry entry) {
    Instant at = StoreColumns.toMillis(entry.at());
    long id =
        handle
            .createUpdate(
                "INSERT INTO incident_timeline (incident_id, happened_at, entry_kind, actor,"
                    + " entry_text) VALUES (:incident, :at, :kind, :actor, :text)")
            .bind("incident", entry.incidentId())
            .bind("at", at)
            .bind("kind", entry.kind().name())
            .bind("actor", entry.actor())
            .bind("text", entry.text())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return new TimelineEntry(id, entry.incidentId(), at, entry.kind(), entry.actor(), entry.text());
  }

  private static TimelineEntry entry(ResultSet results) throws SQLException {
    return new TimelineEntry(
        results.getLong("id"),
        results.getLong("incident_id"),
        results.getObject("happened_at", OffsetDateTime.class).toInstant(),
        TimelineKind.valueOf(results.getString("entry_kind")),
        results.getString("actor"),
        results.getString("entry_text"));
  }

  private static final class HandleBatch implements Batch {
    private final Handle handle;
    private final List<TimelineEntry> entries;

    HandleBatch(Handle handle, List<TimelineEntry> entries) {
      this.handle = handle;
      this.entries = List.copyOf(entries);
    }

    @Override
    public List<TimelineEntry> entries() {
      return entries;
    }

    @Override
    public List<TimelineEntry> timeline(long incidentId) {
      return TimelineCursors.timeline(handle, incidentId);
    }

    @Override
    public TimelineEntry append(TimelineEntry entry) {
      return TimelineCursors.append(handle, entry);
    }
  }
}
