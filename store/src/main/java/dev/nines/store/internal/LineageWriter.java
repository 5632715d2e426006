package dev.nines.store.internal;

import dev.nines.store.IngestOutcome;
import dev.nines.store.LineageEventKind;
import dev.nines.store.LineageEventRecord;
import dev.nines.store.LineageFacts;
import dev.nines.store.LineageIngest;
import dev.nines.store.PipelineRunRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Saves an event, the facts of its facets and its run's new state in one transaction. Events of one
 * run are serialised on the run's row lock, so the state is always derived from every committed
 * event.
 */
public final class LineageWriter {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int ATTEMPTS = 3;

  private final Jdbi jdbi;
  private final StoreJson json;

  public LineageWriter(Jdbi jdbi, StoreJson json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  public IngestOutcome write(LineageEventRecord event, LineageFacts facts, Instant receivedAt) {
    String key = keyOf(event.identity());
    for (int attempt = 1; ; attempt++) {
      try {
        return jdbi.inTransaction(handle -> writeOnce(handle, key, event, facts, receivedAt));
      } catch (DuplicateEvent duplicate) {
        return IngestOutcome.DUPLICATE;
      } catch (JdbiException e) {
        // Two first events of one run raced to create its row: the loser retries and waits.
        if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * Saves many events in one transaction: those already stored (or repeated within the list) are
   * duplicates. Should another writer store one of them meanwhile, each event is saved on its own.
   */
  public List<IngestOutcome> writeAll(List<LineageIngest> items, Instant receivedAt) {
    if (items.isEmpty()) {
      return List.of();
    }
    try {
      return jdbi.inTransaction(handle -> writeAllOnce(handle, items, receivedAt));
    } catch (JdbiException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      return items.stream().map(item -> write(item.event(), item.facts(), receivedAt)).toList();
    }
  }

  private List<IngestOutcome> writeAllOnce(
      Handle handle, List<LineageIngest> items, Instant receivedAt) {
    LineageDao dao = handle.attach(LineageDao.class);
    List<String> keys = items.stream().map(item -> keyOf(item.event().identity())).toList();
    Set<String> seen = new HashSet<>(dao.existingKeys(new ArrayList<>(new HashSet<>(keys))));
    List<IngestOutcome> outcomes = new ArrayList<>();
    List<String> newKeys = new ArrayList<>();
    List<LineageIngest> newItems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      boolean isNew = seen.add(keys.get(i));
      outcomes.add(isNew ? IngestOutcome.STORED : IngestOutcome.DUPLICATE);
      if (isNew) {
        newKeys.add(keys.get(i));
        newItems.add(items.get(i));
      }
    }
    if (newItems.isEmpty()) {
      return outcomes;
    }
    dao.insertEvents(
        newKeys,
        newItems.stream().map(LineageIngest::event).toList(),
        StoreColumns.toMillis(receivedAt));
    // Runs locked in one order, so two batches touching the same runs cannot deadlock.
    Set<UUID> runIds = new TreeSet<>();
    newItems.stream()
        .map(LineageIngest::event)
        .filter(event -> event.kind() == LineageEventKind.RUN)
        .forEach(event -> runIds.add(event.runId()));
    for (UUID runId : runIds) {
      updateRun(dao, runId, receivedAt);
    }
    for (LineageIngest item : newItems) {
      saveFacts(dao, item.event(), item.facts());
    }
    return outcomes;
  }

  private static void updateRun(LineageDao dao, UUID runId, Instant receivedAt) {
    boolean exists = dao.lockRun(runId).isPresent();
    PipelineRunRecord run = RunStates.derive(runId, dao.eventsOfRun(runId));
    Long millis = run.duration() == null ? null : run.duration().toMillis();
    if (exists) {
      dao.updateRun(run, millis, receivedAt);
    } else {
      dao.insertRun(run, millis, receivedAt);
    }
  }

  private IngestOutcome writeOnce(
      Handle handle, String key, LineageEventRecord event, LineageFacts facts, Instant receivedAt) {
    LineageDao dao = handle.attach(LineageDao.class);
    try {
      dao.insertEvent(key, event, StoreColumns.toMillis(receivedAt));
    } catch (JdbiException e) {
      if (isUniqueViolation(e)) {
        throw new DuplicateEvent();
      }
      throw e;
    }
    if (event.kind() == LineageEventKind.RUN) {
      updateRun(dao, event.runId(), receivedAt);
    }
    saveFacts(dao, event, facts);
    return IngestOutcome.STORED;
  }

  private void saveFacts(LineageDao dao, LineageEventRecord event, LineageFacts facts) {
    if (!facts.measurements().isEmpty()) {
      dao.insertMeasurements(
          event.runId(),
          facts.measurements().stream().map(m -> MeasurementRow.of(null, m)).toList());
    }
    if (!facts.observations().isEmpty()) {
      dao.insertObservations(
          event.runId(),
          facts.observations().stream().map(o -> ObservationRow.of(null, o, json)).toList());
    }
    if (!facts.schemas().isEmpty()) {
      List<SchemaSnapshotRow> rows =
          facts.schemas().stream().map(s -> SchemaSnapshotRow.of(null, s, json)).toList();
      dao.insertSchemas(event.runId(), rows);
    }
  }

  static boolean isUniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static String keyOf(String identity) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(identity.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Unwinds the transaction of an event already stored. */
  private static final class DuplicateEvent extends RuntimeException {
    DuplicateEvent() {
      super(null, null, false, false);
    }
  }
}
