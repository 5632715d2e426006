package dev.nines.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.nines.NinesException;
import dev.nines.incident.TrackedIncident;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.remediation.TimelineTail;
import dev.nines.run.History;
import dev.nines.run.RunResult;
import dev.nines.spec.StoreSpec;
import dev.nines.store.internal.FindingWriter;
import dev.nines.store.internal.IncidentMapper;
import dev.nines.store.internal.LineageDao;
import dev.nines.store.internal.LineageGroupCommit;
import dev.nines.store.internal.LineageWriter;
import dev.nines.store.internal.MeasurementDao;
import dev.nines.store.internal.MeasurementRow;
import dev.nines.store.internal.ObservationDao;
import dev.nines.store.internal.ObservationRow;
import dev.nines.store.internal.RunDao;
import dev.nines.store.internal.RunRow;
import dev.nines.store.internal.SchemaSnapshotDao;
import dev.nines.store.internal.SchemaSnapshotRow;
import dev.nines.store.internal.StoreColumns;
import dev.nines.store.internal.StoreDatabase;
import dev.nines.store.internal.StoreFailures;
import dev.nines.store.internal.StoreJson;
import dev.nines.store.internal.StoreUrl;
import dev.nines.store.internal.TimelineCursors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The metadata store: every check run with its observations, measurements and schema snapshots. An
 * H2 file by default, PostgreSQL for production; safe to use from several threads.
 *
 * <p>Instants are kept to the millisecond: everything saved is truncated to milliseconds first, so
 * what is read back equals what was saved after that truncation (elapsed times included).
 */
public final class NinesStore implements History, AutoCloseable {
  private final StoreUrl url;
  private final HikariDataSource pool;
  private final StoreJson json;
  private final RunDao runs;
  private final ObservationDao observations;
  private final MeasurementDao measurements;
  private final SchemaSnapshotDao schemaSnapshots;
  private final LineageDao lineage;
  private final LineageWriter lineageWriter;
  private final LineageGroupCommit lineageGroupCommit;
  private final FindingWriter findingWriter;
  private final TimelineCursors timelineCursors;
  private final IncidentStore incidents;
  private final SloStore slos;
  private final List<Runnable> observationListeners = new CopyOnWriteArrayList<>();
  private final NotificationStore notifications;

  private NinesStore(StoreUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
    this.json = new StoreJson();
    Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
    StoreColumns.register(jdbi, json);
    this.runs = jdbi.onDemand(RunDao.class);
    this.observations = jdbi.onDemand(ObservationDao.class);
    this.measurements = jdbi.onDemand(MeasurementDao.class);
    this.schemaSnapshots = jdbi.onDemand(SchemaSnapshotDao.class);
    this.lineage = jdbi.onDemand(LineageDao.class);
    this.lineageWriter = new LineageWriter(jdbi, json, url.engine() == StoreUrl.Engine.POSTGRESQL);
    this.lineageGroupCommit = new LineageGroupCommit(lineageWriter, StoreDatabase.WRITER_LANES);
    this.findingWriter = new FindingWriter(jdbi, json, url.engine() == StoreUrl.Engine.POSTGRESQL);
    // the clock only stamps a cursor's updated_at, which nothing reads back
    this.timelineCursors = new TimelineCursors(jdbi, Clock.systemUTC());
    jdbi.registerRowMapper(TrackedIncident.class, new IncidentMapper(json));
    this.incidents = new IncidentStore(jdbi, json, url, Clock.systemUTC());
    this.slos = new SloStore(this, jdbi, url, Clock.systemUTC());
    this.notifications = new NotificationStore(jdbi, url);
  }

  /**
   * Calls {@code listener} after each commit that may have stored observations (a run, a pipeline
   * finding, lineage events with data quality assertions), so the incident manager wakes at once.
   * The listener must be quick and must not throw.
   */
  public void onObservationsSaved(Runnable listener) {
    observationListeners.add(listener);
  }

  private void observationsSaved() {
    for (Runnable listener : observationListeners) {
      listener.run();
    }
  }

  /** SLO aggregates and last evaluations. */
  public SloStore slos() {
    return slos;
  }

  /** Incidents: the incident manager's processing, people's actions and reads. */
  public IncidentStore incidents() {
    return incidents;
  }

  /**
   * Opens the store the spec names, creating the {@code ./.nines} folder of an H2 file and the
   * tables on first use.
   *
   * @throws NinesException when the url is unsupported, the database cannot be reached or its
   *     tables cannot be brought up to date; the message says which and what to do
   */
  public static NinesStore open(StoreSpec spec) {
    StoreSpec effective = spec == null ? StoreSpec.DEFAULT : spec;
    StoreUrl url = StoreUrl.parse(effective.url());
    return new NinesStore(url, StoreDatabase.open(url, effective));
  }

  /** Where the history is kept, with any password masked. */
  public String location() {
    return url.redacted();
  }

  /**
   * Saves a run with everything it produced in one transaction: all of it, or nothing and an
   * exception.
   *
   * @param specFiles the spec files the run was read from, kept with the run
   */
  public void save(RunResult result, List<String> specFiles) {
    UUID runId = result.runId();
    RunRow run = RunRow.of(result, specFiles, json);
    List<ObservationRow> observationRows =
        result.observations().stream().map(o -> ObservationRow.of(runId, o, json)).toList();
    List<MeasurementRow> measurementRows =
        result.measurements().stream().map(m -> MeasurementRow.of(runId, m)).toList();
    List<SchemaSnapshotRow> snapshotRows =
        result.schemas().stream().map(s -> SchemaSnapshotRow.of(runId, s, json)).toList();
    attempt(
        "save run " + runId,
        () -> {
          runs.save(run, observationRows, measurementRows, snapshotRows);
          return null;
        });
    observationsSaved();
  }

  @Override
  public Optional<Measurement> latest(String dataset, String check, String metric) {
    return attempt("read measurements", () -> measurements.latest(dataset, check, metric));
  }

  @Override
  public List<Measurement> recent(String dataset, String metricOrCheck, int limit) {
    requirePositive(limit);
    return attempt("read measurements", () -> measurements.recent(dataset, metricOrCheck, limit));
  }

  @Override
  public Optional<SchemaSnapshot> latestSchema(String dataset) {
    return attempt("read schema snapshots", () -> schemaSnapshots.latest(dataset));
  }

  /** A dataset's schema snapshots taken before {@code until}, newest first. */
  public List<SchemaSnapshot> schemas(String dataset, Instant until, int limit) {
    requirePositive(limit);
    Instant before = StoreColumns.toMillis(until);
    return attempt(
        "read schema snapshots", () -> schemaSnapshots.takenBefore(dataset, before, limit));
  }

  /** The most recent runs, newest first. */
  public List<RunSummary> runs(int limit) {
    requirePositive(limit);
    return attempt("read runs", () -> runs.newest(limit));
  }

  /**
   * A dataset's observations, newest first.
   *
   * @param status only this status; null for all
   * @param since only those observed at or after this instant; null for all
   */
  public List<Observation> observations(String dataset, Status status, Instant since, int limit) {
    requirePositive(limit);
    String statusName = status == null ? null : status.name();
    Instant from = StoreColumns.toMillis(since);
    return attempt(
        "read observations", () -> observations.ofDataset(dataset, statusName, from, limit));
  }

  /** The observations of one run, in the order the run produced them. */
  public List<Observation> runObservations(UUID runId) {
    return attempt("read observations", () -> observations.ofRun(runId));
  }

  /**
   * Forgets check runs started before {@code cutoff} with their observations and measurements,
   * schema snapshots taken before it except each dataset's newest, and pipeline runs whose last
   * event is older with their events, measurements and observations, except a run still RUNNING and
   * the newest run of each job; the watcher's findings last changed before it too.
   */
  public DeletedHistory deleteOlderThan(Instant cutoff) {
    return attempt("delete old history", () -> runs.deleteOlderThan(cutoff));
  }

  /**
   * Saves a lineage event (or a native run report) with the facts of its facets and brings its
   * run's state up to date, all in one transaction. A second copy of a saved event changes nothing.
   * Events arriving together from several threads share one commit; each call returns once the
   * commit holding its event is done.
   *
   * @throws StoreBusy when too many events already wait to be written (nothing was stored)
   */
  public IngestOutcome ingest(LineageEventRecord event, LineageFacts facts, Instant receivedAt) {
    IngestOutcome outcome =
        attempt(
            "save lineage event",
            () ->
                lineageGroupCommit
                    .write(List.of(new LineageIngest(event, facts)), receivedAt)
                    .get(0));
    observationsSaved();
    return outcome;
  }

  /**
   * Saves a pipeline watcher's observation unless the same one was saved under {@code findingKey}
   * before: evaluating again, on this replica or another, repeats nothing.
   *
   * @param pipelineRunId the run the finding is about, null for a slot with no run
   * @return whether it was saved
   */
  public boolean recordFinding(
      String findingKey, UUID pipelineRunId, Observation observation, Instant now) {
    boolean saved =
        attempt(
            "save pipeline finding",
            () -> findingWriter.write(findingKey, pipelineRunId, observation, now));
    if (saved) {
      observationsSaved();
    }
    return saved;
  }

  /**
   * Saves many events at once, in one transaction where possible; returns each one's outcome in
   * order. Events already stored, or repeated in the list, are duplicates.
   */
  public List<IngestOutcome> ingestAll(List<LineageIngest> items, Instant receivedAt) {
    List<IngestOutcome> outcomes =
        attempt("save lineage events", () -> lineageGroupCommit.write(items, receivedAt));
    observationsSaved();
    return outcomes;
  }

  /** How many groups of lineage events the writers committed, and how large they were. */
  public LineageCommitStats lineageCommitStats() {
    return lineageGroupCommit.stats();
  }

  /** One pipeline run as derived from its events. */
  public Optional<PipelineRunRecord> pipelineRun(UUID runId) {
    return attempt("read pipeline runs", () -> lineage.run(runId));
  }

  /**
   * Runs of any of {@code jobs}, newest first; a job without namespace matches its name in any
   * namespace.
   */
  public List<PipelineRunRecord> pipelineRuns(List<JobRef> jobs, int limit, int offset) {
    requirePositive(limit);
    // An empty IN list is not SQL: the empty name, which no job has, stands in.
    String none = "";
    List<String> qualified =
        jobs.stream().filter(job -> job.namespace() != null).map(JobRef::qualified).toList();
    List<String> bare =
        jobs.stream().filter(job -> job.namespace() == null).map(JobRef::name).toList();
    return attempt(
        "read pipeline runs",
        () ->
            lineage.runsOfJobs(
                qualified.isEmpty() ? List.of(none) : qualified,
                bare.isEmpty() ? List.of(none) : bare,
                limit,
                offset));
  }

  /**
   * Pipeline runs whose lineage events reported writing {@code dataset} (an outputStatistics facet
   * on it) at or after {@code since}, newest first.
   */
  public List<PipelineRunRecord> pipelineRunsWriting(String dataset, Instant since, int limit) {
    requirePositive(limit);
    Instant from = StoreColumns.toMillis(since);
    return attempt("read pipeline runs", () -> lineage.runsWriting(dataset, from, limit));
  }

  /** Every job that reported a run, by name. */
  public List<JobSeen> jobsSeen() {
    return attempt("read pipeline runs", lineage::jobs);
  }

  /**
   * Observations of all datasets or one, newest first, a page at a time.
   *
   * @param dataset null for all datasets
   * @param status null for all statuses
   * @param since null for all times
   */
  public List<Observation> observations(
      String dataset, Status status, Instant since, int limit, int offset) {
    requirePositive(limit);
    String statusName = status == null ? null : status.name();
    Instant from = StoreColumns.toMillis(since);
    return attempt(
        "read observations", () -> lineage.observations(dataset, statusName, from, limit, offset));
  }

  /** The names of the datasets that have observations. */
  public List<String> observedDatasets() {
    return attempt("read observations", lineage::observedDatasets);
  }

  /**
   * The store's connection pool, for components that keep their own tables in the store's database
   * (the scheduler's). Closed with the store.
   */
  public DataSource dataSource() {
    return pool;
  }

  /** The notifier's tables: groups, the outbox, silences. */
  public NotificationStore notifications() {
    return notifications;
  }

  /** Why the store cannot serve now: unreachable, or migrations not applied; empty when it can. */
  public Optional<String> unreadyReason() {
    try {
      List<String> pending = StoreDatabase.pendingMigrations(pool);
      return pending.isEmpty()
          ? Optional.empty()
          : Optional.of("migrations not applied: " + String.join(", ", pending));
    } catch (RuntimeException e) {
      return Optional.of("store unreachable: " + StoreFailures.reason(e));
    }
  }

  /** Closes the connection pool; an embedded H2 database closes with it. */
  @Override
  public void close() {
    lineageGroupCommit.close();
    pool.close();
  }

  /**
   * The incident timelines as one log that named workers tail (automatic remediation tails it under
   * the {@code remediation} cursor).
   */
  public TimelineTail timelineTail() {
    return new TimelineTail() {
      @Override
      public <R> R next(String cursor, int limit, Function<Batch, R> work) {
        return attempt(
            "read the incident timelines", () -> timelineCursors.next(cursor, limit, work));
      }
    };
  }

  private <T> T attempt(String action, Supplier<T> work) {
    try {
      return work.get();
    } catch (JdbiException e) {
      throw StoreFailures.failed(url, action, e);
    }
  }

  private static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }
}
