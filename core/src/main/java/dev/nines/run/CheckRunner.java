package dev.nines.run;

import dev.nines.check.CheckTypes;
import dev.nines.dialect.Dialect;
import dev.nines.dialect.Dialects;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.run.internal.DatasetExplainer;
import dev.nines.run.internal.DatasetPlanner;
import dev.nines.run.internal.DatasetRun;
import dev.nines.source.SourcePool;
import dev.nines.source.SqlExecutor;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs the checks of a spec against their sources: one catalog read and one shared aggregate scan
 * per dataset and filter, plus the few extra queries some checks need. Holds one connection pool
 * per source until closed.
 */
public final class CheckRunner implements AutoCloseable {
  private static final int MAX_THREADS_PER_SOURCE = 16;

  private final Spec spec;
  private final History history;
  private final Clock clock;
  private final RunListener listener;
  private final CheckTypes checkTypes = CheckTypes.builtIn();
  private final Dialects dialects = Dialects.builtIn();
  private final SqlExecutor executor = new SqlExecutor();
  private final Map<String, SourcePool> pools = new HashMap<>();
  private final Map<String, Semaphore> slots = new HashMap<>();
  // Second connections of datasets whose sort-based scans run beside their streaming scan.
  private final ExecutorService sideLanes =
      Executors.newCachedThreadPool(runnable -> daemon(runnable, "nines-side-scan"));

  public CheckRunner(Spec spec, History history, Clock clock, RunListener listener) {
    this.spec = spec;
    this.history = history;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Runs the requested datasets' checks. Never throws for a database problem: those are ERROR
   * observations.
   */
  public RunResult run(RunRequest request) {
    Instant started = clock.instant();
    forgetFailures();
    List<DatasetSpec> datasets = selected(request);
    DatasetPlanner planner = new DatasetPlanner(spec, checkTypes, history);
    // One worker pool per source, as large as its connection pool, so a busy source never holds
    // up the datasets of another.
    Map<String, ExecutorService> workers = new HashMap<>();
    try {
      List<Future<DatasetRun>> futures = new ArrayList<>();
      for (int index = 0; index < datasets.size(); index++) {
        DatasetSpec dataset = datasets.get(index);
        int position = index;
        ExecutorService sourceWorkers =
            workers.computeIfAbsent(
                String.valueOf(dataset.source()),
                name -> Executors.newFixedThreadPool(threadsFor(name), CheckRunner::workerThread));
        futures.add(
            sourceWorkers.submit(() -> runDataset(dataset, position, datasets.size(), planner)));
      }
      List<Observation> observations = new ArrayList<>();
      List<Measurement> measurements = new ArrayList<>();
      List<SchemaSnapshot> schemas = new ArrayList<>();
      for (int index = 0; index < futures.size(); index++) {
        DatasetRun run = await(futures.get(index));
        if (run == null) {
          observations.addAll(internalErrors(datasets.get(index), started));
          continue;
        }
        observations.addAll(run.observations());
        measurements.addAll(run.measurements());
        schemas.addAll(run.schemas());
      }
      return new RunResult(
          UUID.randomUUID(), started, clock.instant(), observations, measurements, schemas);
    } finally {
      workers.values().forEach(ExecutorService::shutdownNow);
    }
  }

  /** The SQL {@link #run} would send, per dataset, without scanning any table. */
  public List<DatasetPlan> explain(RunRequest request) {
    forgetFailures();
    DatasetExplainer explainer =
        new DatasetExplainer(new DatasetPlanner(spec, checkTypes, history), executor, clock);
    List<DatasetPlan> plans = new ArrayList<>();
    for (DatasetSpec dataset : selected(request)) {
      Optional<SourcePool> pool = pool(dataset);
      if (pool.isEmpty()) {
        plans.add(
            new DatasetPlan(
                dataset.name(), dataset.source(), List.of(), List.of(unusableSource(dataset))));
        continue;
      }
      plans.add(explainer.explain(dataset, pool.get()));
    }
    return plans;
  }

  /** Each run tries sources that were unreachable in the previous one again. */
  private synchronized void forgetFailures() {
    pools.values().forEach(SourcePool::forgetFailure);
  }

  /** How many queries were sent to sources so far, for tests and metrics. */
  public long executedQueries() {
    return executor.executedQueries();
  }

  private List<DatasetSpec> selected(RunRequest request) {
    return spec.datasets().values().stream()
        .filter(dataset -> request.includes(dataset.name()))
        .toList();
  }

  private int threadsFor(String sourceName) {
    SourceSpec source = spec.sources().get(sourceName);
    return source == null ? 1 : Math.min(MAX_THREADS_PER_SOURCE, source.maxConnections());
  }

  private DatasetRun runDataset(DatasetSpec dataset, int index, int total, DatasetPlanner planner)
      throws InterruptedException {
    listener.datasetStarted(dataset.name(), index, total);
    Optional<SourcePool> pool = pool(dataset);
    DatasetRun run;
    if (pool.isEmpty()) {
      run = null;
    } else {
      Semaphore slot = slot(pool.get().source());
      slot.acquire();
      try {
        run = new DatasetRun(dataset, pool.get(), planner, executor, clock, slot, sideLanes);
        run.run();
      } finally {
        slot.release();
      }
    }
    List<Observation> observations =
        run == null ? unusableSourceErrors(dataset, clock.instant()) : run.observations();
    listener.datasetFinished(dataset.name(), observations);
    return run;
  }

  private synchronized Optional<SourcePool> pool(DatasetSpec dataset) {
    SourceSpec source = spec.sources().get(dataset.source());
    if (source == null) {
      return Optional.empty();
    }
    Optional<Dialect> dialect = dialects.forUrl(source.url());
    if (dialect.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        pools.computeIfAbsent(source.name(), name -> new SourcePool(source, dialect.get())));
  }

  private synchronized Semaphore slot(SourceSpec source) {
    return slots.computeIfAbsent(source.name(), name -> new Semaphore(source.maxConnections()));
  }

  private String unusableSource(DatasetSpec dataset) {
    SourceSpec source = spec.sources().get(dataset.source());
    if (source == null) {
      return "dataset "
          + dataset.name()
          + " names source '"
          + dataset.source()
          + "', which is not defined";
    }
    return "no SQL dialect for the url of source "
        + source.name()
        + "; supported: "
        + String.join(", ", dialects.names());
  }

  private List<Observation> unusableSourceErrors(DatasetSpec dataset, Instant now) {
    SourceSpec source = spec.sources().get(dataset.source());
    ErrorCategory category = source == null ? ErrorCategory.INTERNAL : ErrorCategory.UNSUPPORTED;
    return errors(dataset, category, unusableSource(dataset), now);
  }

  private List<Observation> internalErrors(DatasetSpec dataset, Instant now) {
    if (pool(dataset).isEmpty()) {
      return unusableSourceErrors(dataset, now);
    }
    return errors(dataset, ErrorCategory.INTERNAL, "the run of this dataset was interrupted", now);
  }

  private List<Observation> errors(
      DatasetSpec dataset, ErrorCategory category, String message, Instant now) {
    DatasetPlanner planner = new DatasetPlanner(spec, checkTypes, history);
    List<Observation> observations = new ArrayList<>();
    for (CheckSpec check : dataset.checks()) {
      observations.add(
          new Observation(
              dataset.name(),
              planner.nameOf(check),
              check.type(),
              Status.ERROR,
              Kind.SYSTEM,
              category,
              null,
              null,
              message,
              List.of(),
              List.of(),
              now,
              Duration.ZERO));
    }
    return observations;
  }

  private static DatasetRun await(Future<DatasetRun> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  private static Thread workerThread(Runnable runnable) {
    return daemon(runnable, "nines-check-runner");
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public synchronized void close() {
    sideLanes.shutdownNow();
    pools.values().forEach(SourcePool::close);
    pools.clear();
    executor.close();
  }
}
