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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
  private static final String DEADLOCK = "40P01";
  private static final int ATTEMPTS = 3;

  private final Jdbi jdbi;
  private final StoreJson json;
  private final boolean postgres;

  /**
   * @param postgres whether the store is PostgreSQL (else H2), for the statements only one of them
   *     has
   */
  public LineageWriter(Jdbi jdbi, StoreJson json, boolean postgres) {
    this.jdbi = jdbi;
    this.json = json;
    this.postgres = postgres;
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
   * duplicates. Should another writer create one of their runs meanwhile (or deadlock with this
   * one), each event is saved on its own.
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
      if (!isUniqueViolation(e) && !isDeadlock(e)) {
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
   * A constant number of statements whatever the number of events: new events inserted in one
   * statement (PostgreSQL) or after one query of the keys already stored (H2), the runs' rows
   * locked and read in one query, brought up to date in memory and written in one batch per kind,
   * facts in one batch per table.
   */
  private List<IngestOutcome> writeAllOnce(
      Handle handle, List<LineageIngest> items, List<Instant> receivedAts) {
    LineageDao dao = handle.attach(LineageDao.class);
    List<String> keys = items.stream().map(item -> keyOf(item.event().identity())).toList();
    // The first of equal events in the list is the one that may be new; the others repeat it.
    Map<String, Integer> firstOfKey = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      firstOfKey.putIfAbsent(keys.get(i), i);
    }
    List<Integer> candidates = new ArrayList<>(firstOfKey.values());
    Set<String> inserted = insertNew(handle, dao, keys, items, receivedAts, candidates);
    List<IngestOutcome> outcomes = new ArrayList<>();
    List<LineageIngest> newItems = new ArrayList<>();
    Instant lastReceivedAt = null;
    for (int i = 0; i < items.size(); i++) {
      boolean isNew = firstOfKey.get(keys.get(i)) == i && inserted.contains(keys.get(i));
      outcomes.add(isNew ? IngestOutcome.STORED : IngestOutcome.DUPLICATE);
      if (isNew) {
        newItems.add(items.get(i));
        lastReceivedAt = StoreColumns.toMillis(receivedAts.get(i));
      }
    }
    if (newItems.isEmpty()) {
      return outcomes;
    }
    Map<UUID, List<EventFacts>> newEventsByRun = new LinkedHashMap<>();
    for (LineageIngest item : newItems) {
      LineageEventRecord event = item.event();
      if (event.kind() == LineageEventKind.RUN) {
        newEventsByRun
            .computeIfAbsent(event.runId(), id -> new ArrayList<>())
            .add(RunDerivation.factsOf(event));
      }
    }
    RunDerivation.RunWrites runs =
        newEventsByRun.isEmpty()
            ? RunDerivation.RunWrites.NONE
            : RunDerivation.deriveRuns(dao, newEventsByRun);
    saveRunsAndFacts(handle, dao, runs, lastReceivedAt, newItems);
    return outcomes;
  }

  /** Inserts the candidate events not stored yet; returns the keys of those inserted. */
  private Set<String> insertNew(
      Handle handle,
      LineageDao dao,
      List<String> keys,
      List<LineageIngest> items,
      List<Instant> receivedAts,
      List<Integer> candidates) {
    if (postgres) {
      return NewEventsOnPostgres.insert(
          handle,
          candidates.stream().map(keys::get).toList(),
          candidates.stream().map(i -> items.get(i).event()).toList(),
          candidates.stream().map(i -> StoreColumns.toMillis(receivedAts.get(i))).toList());
    }
    Set<String> stored =
        new HashSet<>(dao.existingKeys(padded(candidates.stream().map(keys::get).toList())));
    List<Integer> fresh = candidates.stream().filter(i -> !stored.contains(keys.get(i))).toList();
    if (!fresh.isEmpty()) {
      dao.insertEvents(
          fresh.stream().map(keys::get).toList(),
          fresh.stream().map(i -> items.get(i).event()).toList(),
          fresh.stream().map(i -> StoreColumns.toMillis(receivedAts.get(i))).toList());
    }
    return fresh.stream().map(keys::get).collect(Collectors.toSet());
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

  /**
   * Writes the runs and the facts of the new events: on PostgreSQL in one statement (observations,
   * rare, in a batch of their own), elsewhere in one batch per table.
   */
  private void saveRunsAndFacts(
      Handle handle,
      LineageDao dao,
      RunDerivation.RunWrites runs,
      Instant receivedAt,
      List<LineageIngest> items) {
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
    int runCount = runs.inserts().size() + runs.updates().size();
    if (postgres && RunsAndFactsOnPostgres.fits(runCount, measurements.size(), schemas.size())) {
      RunsAndFactsOnPostgres statement = new RunsAndFactsOnPostgres();
      statement.insertRuns(runs.inserts(), receivedAt);
      statement.updateRuns(runs.updates(), receivedAt);
      statement.insertMeasurements(measurementRuns, measurements);
      statement.insertSchemas(schemaRuns, schemas);
      statement.execute(handle);
    } else {
      if (!runs.inserts().isEmpty()) {
        dao.insertRuns(runs.inserts(), receivedAt);
      }
      if (!runs.updates().isEmpty()) {
        dao.updateRuns(runs.updates(), receivedAt);
      }
      if (!measurements.isEmpty()) {
        dao.insertMeasurementsOfRuns(measurementRuns, measurements);
      }
      if (!schemas.isEmpty()) {
        dao.insertSchemasOfRuns(schemaRuns, schemas);
      }
    }
    if (!observations.isEmpty()) {
      dao.insertObservationsOfRuns(observationRuns, observations);
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

  /** Two writers waited on each other's rows (PostgreSQL chose this one to fail). */
  static boolean isDeadlock(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
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
