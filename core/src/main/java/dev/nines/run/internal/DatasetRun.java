package dev.nines.run.internal;

import dev.nines.check.CheckException;
import dev.nines.check.CheckPlan;
import dev.nines.check.Outcome;
import dev.nines.dialect.Dialect;
import dev.nines.dialect.Relation;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.source.Catalog;
import dev.nines.source.QueryResult;
import dev.nines.source.SourceException;
import dev.nines.source.SourcePool;
import dev.nines.source.SqlExecutor;
import dev.nines.source.TableSchema;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SourceSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Runs the checks of one dataset: catalog, shared scans, own queries, on one connection; when the
 * source has a connection to spare, the distinct counts and percentiles run beside the streaming
 * scan on a second one.
 */
public final class DatasetRun {
  /** Scan failures worth retrying check by check: one check's SQL may be the culprit. */
  private static final Set<ErrorCategory> ISOLATABLE =
      Set.of(ErrorCategory.SQL, ErrorCategory.MISSING_COLUMN, ErrorCategory.UNSUPPORTED);

  private final DatasetSpec dataset;
  private final SourcePool pool;
  private final DatasetPlanner planner;
  private final SqlExecutor executor;
  private final Clock clock;
  private final Semaphore spareConnections;
  private final ExecutorService sideLane;

  private final List<Observation> observations = new ArrayList<>();
  private final List<Measurement> measurements = new ArrayList<>();
  private final List<SchemaSnapshot> schemas = new ArrayList<>();

  public DatasetRun(
      DatasetSpec dataset,
      SourcePool pool,
      DatasetPlanner planner,
      SqlExecutor executor,
      Clock clock) {
    this(dataset, pool, planner, executor, clock, new Semaphore(0), null);
  }

  /**
   * @param spareConnections permits for the source's connections not in use; one taken without
   *     waiting lets the sort-based scans run on a second connection
   * @param sideLane runs that second connection's queries
   */
  public DatasetRun(
      DatasetSpec dataset,
      SourcePool pool,
      DatasetPlanner planner,
      SqlExecutor executor,
      Clock clock,
      Semaphore spareConnections,
      ExecutorService sideLane) {
    this.dataset = dataset;
    this.pool = pool;
    this.planner = planner;
    this.executor = executor;
    this.clock = clock;
    this.spareConnections = spareConnections;
    this.sideLane = sideLane;
  }

  public List<Observation> observations() {
    return List.copyOf(observations);
  }

  public List<Measurement> measurements() {
    return List.copyOf(measurements);
  }

  public List<SchemaSnapshot> schemas() {
    return List.copyOf(schemas);
  }

  /** Runs every check; database problems end up as ERROR observations. */
  public void run() {
    Instant now = clock.instant();
    SourceSpec source = pool.source();
    Dialect dialect = pool.dialect();
    try (Connection connection = pool.connect()) {
      Catalog catalog = new Catalog(dialect, source, executor);
      Relation relation = DatasetPlanner.relationOf(dataset);
      TableSchema schema = catalog.describe(connection, relation, source.queryTimeout());
      List<PlannedCheck> checks =
          planner.plan(dataset, source, dialect, schema, false, connection, catalog, now);
      execute(checks, connection, schema, now);
    } catch (SourceException e) {
      failAll(e.category(), e.getMessage(), now);
    } catch (CheckException e) {
      failAll(e.category(), e.getMessage(), now);
    } catch (SQLException e) {
      // Only closing the connection throws here; the checks already ran.
    } catch (RuntimeException e) {
      // A defect in Nines: reported on each check, without a stack trace.
      failAll(ErrorCategory.INTERNAL, "the checks of this dataset failed unexpectedly: " + e, now);
    }
  }

  private void execute(
      List<PlannedCheck> checks, Connection connection, TableSchema schema, Instant now) {
    Map<PlannedCheck, Gathered> values = gatheredFor(checks);
    List<SharedScan> scans = DatasetPlanner.scans(checks, pool.dialect().holisticPlacement());
    List<SharedScan> streaming = scans.stream().filter(scan -> !scan.holistic()).toList();
    List<SharedScan> sorting = scans.stream().filter(SharedScan::holistic).toList();
    Future<Map<PlannedCheck, Gathered>> beside =
        streaming.isEmpty() || sorting.isEmpty()
            ? null
            : besideOnSpareConnection(sorting, checks, schema);
    for (SharedScan scan : beside == null ? scans : streaming) {
      runScan(scan, connection, schema, values);
    }
    if (beside != null) {
      Map<PlannedCheck, Gathered> sorted = awaitBeside(beside);
      if (sorted == null) {
        for (SharedScan scan : sorting) {
          runScan(scan, connection, schema, values);
        }
      } else {
        // Streaming first, then sorting: the order a serial run lists the checks' SQL in.
        values.forEach((check, gathered) -> gathered.append(sorted.get(check)));
      }
    }
    for (PlannedCheck check : checks) {
      Gathered checkValues = values.get(check);
      if (!check.runnable()) {
        error(
            check, check.problem().category(), check.problem().getMessage(), List.of(), now, null);
        continue;
      }
      if (checkValues.error == null) {
        runOwnQueries(check, connection, checkValues);
      }
      if (checkValues.error != null) {
        error(
            check,
            checkValues.error.category(),
            checkValues.error.getMessage(),
            checkValues.sql,
            now,
            checkValues.elapsed);
        continue;
      }
      evaluate(check, checkValues, now, connection);
    }
  }

  private static Map<PlannedCheck, Gathered> gatheredFor(List<PlannedCheck> checks) {
    Map<PlannedCheck, Gathered> values = new IdentityHashMap<>();
    for (PlannedCheck check : checks) {
      values.put(check, new Gathered());
    }
    return values;
  }

  /**
   * Starts the sort-based scans on a second connection, when one is free at once, so that their
   * cost overlaps the streaming scan's; null when none is free (they then run after it). The values
   * go into a map of their own, merged once both are done.
   */
  private Future<Map<PlannedCheck, Gathered>> besideOnSpareConnection(
      List<SharedScan> sorting, List<PlannedCheck> checks, TableSchema schema) {
    if (sideLane == null
        || !pool.dialect().holisticBesideStreaming()
        || !spareConnections.tryAcquire()) {
      return null;
    }
    try {
      return sideLane.submit(
          () -> {
            try (Connection second = pool.connect()) {
              Map<PlannedCheck, Gathered> values = gatheredFor(checks);
              for (SharedScan scan : sorting) {
                runScan(scan, second, schema, values);
              }
              return values;
            } finally {
              spareConnections.release();
            }
          });
    } catch (RejectedExecutionException e) {
      spareConnections.release();
      return null;
    }
  }

  /** The side lane's values; null when it could not run, so the caller runs its scans itself. */
  private static Map<PlannedCheck, Gathered> awaitBeside(
      Future<Map<PlannedCheck, Gathered>> beside) {
    try {
      return beside.get();
    } catch (InterruptedException e) {
      beside.cancel(true);
      Thread.currentThread().interrupt();
      throw new CheckException(ErrorCategory.INTERNAL, "the run of this dataset was interrupted");
    } catch (ExecutionException e) {
      // No second connection after all (or a defect there): the scans run on the first one.
      return null;
    }
  }

  private void runScan(
      SharedScan scan,
      Connection connection,
      TableSchema schema,
      Map<PlannedCheck, Gathered> values) {
    Dialect dialect = pool.dialect();
    String sql = scan.sql(dialect, schema.relation());
    Duration timeout =
        scan.checks().stream().map(PlannedCheck::timeout).max(Duration::compareTo).orElseThrow();
    long started = System.nanoTime();
    try {
      QueryResult result = executor.query(connection, sql, timeout, dialect, pool.source());
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      for (PlannedCheck check : scan.checks()) {
        Gathered checkValues = values.get(check);
        checkValues.sql.add(sql);
        checkValues.elapsed = checkValues.elapsed.plus(elapsed);
        for (String key : scan.keysOf(check)) {
          checkValues.aggregates.put(
              key, result.first(scan.indexOf(check.plan().aggregates().get(key))));
        }
      }
    } catch (SourceException e) {
      if (ISOLATABLE.contains(e.category()) && scan.checks().size() > 1) {
        for (PlannedCheck check : scan.checks()) {
          runScan(scan.alone(check), connection, schema, values);
        }
        return;
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      for (PlannedCheck check : scan.checks()) {
        Gathered checkValues = values.get(check);
        checkValues.sql.add(sql);
        checkValues.elapsed = checkValues.elapsed.plus(elapsed);
        checkValues.error = e;
      }
    }
  }

  private void runOwnQueries(PlannedCheck check, Connection connection, Gathered checkValues) {
    for (CheckPlan.CheckQuery query : check.plan().queries()) {
      long started = System.nanoTime();
      checkValues.sql.add(query.sql());
      try {
        checkValues.results.add(
            executor.query(
                connection, query.sql(), check.timeout(), pool.dialect(), pool.source()));
      } catch (SourceException e) {
        checkValues.error = e;
        return;
      } finally {
        checkValues.elapsed =
            checkValues.elapsed.plus(Duration.ofNanos(System.nanoTime() - started));
      }
    }
  }

  /** Lines of totals and one of sample offending values; a failure here only loses the samples. */
  private List<String> samples(
      CheckPlan.Samples samples, PlannedCheck check, Connection connection, Gathered checkValues) {
    long started = System.nanoTime();
    checkValues.sql.add(samples.sql());
    try {
      QueryResult result =
          executor.query(connection, samples.sql(), check.timeout(), pool.dialect(), pool.source());
      return SampleLines.of(samples, result);
    } catch (SourceException e) {
      return List.of(samples.label() + " could not be read: " + e.getMessage());
    } finally {
      checkValues.elapsed = checkValues.elapsed.plus(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private void evaluate(
      PlannedCheck check, Gathered checkValues, Instant now, Connection connection) {
    Outcome outcome;
    try {
      outcome =
          check
              .plan()
              .evaluator()
              .evaluate(
                  new CheckPlan.Inputs() {
                    @Override
                    public Object aggregate(String key) {
                      return checkValues.aggregates.get(key);
                    }

                    @Override
                    public QueryResult query(int index) {
                      return checkValues.results.get(index);
                    }
                  });
    } catch (CheckException e) {
      error(check, e.category(), e.getMessage(), checkValues.sql, now, checkValues.elapsed);
      return;
    } catch (RuntimeException e) {
      error(
          check,
          ErrorCategory.INTERNAL,
          "the check failed unexpectedly: " + e,
          checkValues.sql,
          now,
          checkValues.elapsed);
      return;
    }
    List<String> details = new ArrayList<>(outcome.details());
    if (outcome.status() != Status.PASS && check.plan().samples() != null) {
      details.addAll(samples(check.plan().samples(), check, connection, checkValues));
    }
    observations.add(
        new Observation(
            dataset.name(),
            check.name(),
            check.typeName(),
            outcome.status(),
            Kind.DATA,
            null,
            outcome.value(),
            outcome.expectation(),
            outcome.message(),
            details,
            checkValues.sql,
            now,
            checkValues.elapsed));
    outcome
        .measurements()
        .forEach(
            (metric, value) -> {
              if (value != null && Double.isFinite(value)) {
                measurements.add(new Measurement(dataset.name(), check.name(), metric, value, now));
              }
            });
    if (outcome.schema() != null) {
      schemas.add(outcome.schema());
    }
  }

  /** Every check of the dataset errs the same way; anything measured before is dropped. */
  private void failAll(ErrorCategory category, String message, Instant now) {
    observations.clear();
    measurements.clear();
    schemas.clear();
    for (var check : dataset.checks()) {
      observations.add(
          errorObservation(
              planner.nameOf(check),
              check.type(),
              category,
              message,
              List.of(),
              now,
              Duration.ZERO));
    }
  }

  private void error(
      PlannedCheck check,
      ErrorCategory category,
      String message,
      List<String> sql,
      Instant now,
      Duration elapsed) {
    observations.add(
        errorObservation(check.name(), check.typeName(), category, message, sql, now, elapsed));
  }

  private Observation errorObservation(
      String check,
      String type,
      ErrorCategory category,
      String message,
      List<String> sql,
      Instant now,
      Duration elapsed) {
    return new Observation(
        dataset.name(),
        check,
        type,
        Status.ERROR,
        Kind.SYSTEM,
        category,
        null,
        null,
        message,
        List.of(),
        sql,
        now,
        elapsed == null ? Duration.ZERO : elapsed);
  }
}
