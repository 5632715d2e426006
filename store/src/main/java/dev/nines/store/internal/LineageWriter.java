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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    return writeAll(items, Collections.nCopies(items.size(), receivedAt));
  }

  /**
   * As {@link #writeAll(List, Instant)}, each event with its own time of receipt (events of several
   * requests committed together).
   */
  public List<IngestOutcome> writeAll(List<LineageIngest> items, List<Instant> receivedAts) {
    if (items.size() != receivedAts.size()) {
      throw new IllegalArgumentException("one time of receipt per event is needed");
    }
    if (items.isEmpty()) {
      return List.of();
    }
    try {
      return jdbi.inTransaction(handle -> writeAllOnce(handle, items, receivedAts));
    } catch (JdbiException e) {
      if (!isUniqueViolation(e)) {
        throw e;
      }
      List<IngestOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        outcomes.add(write(items.get(i).event(), items.get(i).facts(), receivedAts.get(i)));
      }
      return outcomes;
    }
  }

  /**
   * A constant number of statements whatever the number of events: keys read once, events inserted
   * in one batch, runs locked, re-read and rewritten in one statement (or batch) each.
   */
  private List<IngestOutcome> writeAllOnce(
      Handle handle, List<LineageIngest> items, List<Instant> receivedAts) {
    LineageDao dao = handle.attach(LineageDao.class);
    List<String> keys = items.stream().map(item -> keyOf(item.event().identity())).toList();
    Set<String> seen =
        new HashSet<>(dao.existingKeys(padded(new ArrayList<>(new HashSet<>(keys)))));
    List<IngestOutcome> outcomes = new ArrayList<>();
    List<String> newKeys = new ArrayList<>();
    List<LineageIngest> newItems = new ArrayList<>();
    List<Instant> newReceivedAts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      boolean isNew = seen.add(keys.get(i));
      outcomes.add(isNew ? IngestOutcome.STORED : IngestOutcome.DUPLICATE);
      if (isNew) {
        newKeys.add(keys.get(i));
        newItems.add(items.get(i));
        newReceivedAts.add(StoreColumns.toMillis(receivedAts.get(i)));
      }
    }
    if (newItems.isEmpty()) {
      return outcomes;
    }
    dao.insertEvents(newKeys, newItems.stream().map(LineageIngest::event).toList(), newReceivedAts);
    Set<UUID> runIds = new TreeSet<>();
    newItems.stream()
        .map(LineageIngest::event)
        .filter(event -> event.kind() == LineageEventKind.RUN)
        .forEach(event -> runIds.add(event.runId()));
    if (!runIds.isEmpty()) {
      updateRuns(dao, new ArrayList<>(runIds), newReceivedAts.get(newReceivedAts.size() - 1));
    }
    saveFactsOfAll(dao, newItems);
    return outcomes;
  }

  /** Locks the runs' rows, derives each run from all of its committed events, writes them back. */
  private static void updateRuns(LineageDao dao, List<UUID> runIds, Instant receivedAt) {
    List<UUID> paddedIds = padded(runIds);
    Set<UUID> existing = new HashSet<>(dao.lockRuns(paddedIds));
    Map<UUID, List<EventFacts>> eventsByRun = new HashMap<>();
    for (RunEventFacts row : dao.eventsOfRuns(paddedIds)) {
      eventsByRun.computeIfAbsent(row.runId(), id -> new ArrayList<>()).add(row.facts());
    }
    List<DerivedRun> inserts = new ArrayList<>();
    List<DerivedRun> updates = new ArrayList<>();
    for (UUID runId : runIds) {
      DerivedRun run = DerivedRun.of(RunStates.derive(runId, eventsByRun.get(runId)));
      (existing.contains(runId) ? updates : inserts).add(run);
    }
    if (!inserts.isEmpty()) {
      dao.insertRuns(inserts, receivedAt);
    }
    if (!updates.isEmpty()) {
      dao.updateRuns(updates, receivedAt);
    }
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

  private void saveFactsOfAll(LineageDao dao, List<LineageIngest> items) {
    List<RunRef> measurementRuns = new ArrayList<>();
    List<MeasurementRow> measurements = new ArrayList<>();
    List<RunRef> observationRuns = new ArrayList<>();
    List<ObservationRow> observations = new ArrayList<>();
    List<RunRef> schemaRuns = new ArrayList<>();
    List<SchemaSnapshotRow> schemas = new ArrayList<>();
    for (LineageIngest item : items) {
      RunRef run = new RunRef(item.event().runId());
      for (var measurement : item.facts().measurements()) {
        measurementRuns.add(run);
        measurements.add(MeasurementRow.of(null, measurement));
      }
      for (var observation : item.facts().observations()) {
        observationRuns.add(run);
        observations.add(ObservationRow.of(null, observation, json));
      }
      for (var schema : item.facts().schemas()) {
        schemaRuns.add(run);
        schemas.add(SchemaSnapshotRow.of(null, schema, json));
      }
    }
    if (!measurements.isEmpty()) {
      dao.insertMeasurementsOfRuns(measurementRuns, measurements);
    }
    if (!observations.isEmpty()) {
      dao.insertObservationsOfRuns(observationRuns, observations);
    }
    if (!schemas.isEmpty()) {
      dao.insertSchemasOfRuns(schemaRuns, schemas);
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

  /**
   * The list grown to the next power of two by repeating its first element, which changes no IN
   * list's meaning: a handful of statement texts then serve every size, and the databases' caches
   * of parsed statements keep them.
   */
  static <T> List<T> padded(List<T> values) {
    int size = Integer.highestOneBit(Math.max(1, values.size() - 1)) << 1;
    if (values.isEmpty() || values.size() == size || values.size() == 1) {
      return values;
    }
    List<T> padded = new ArrayList<>(size);
    padded.addAll(values);
    while (padded.size() < size) {
      padded.add(values.get(0));
    }
    return padded;
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
