package dev.nines.server.pipeline;

import dev.nines.pipeline.PipelineFinding;
import dev.nines.pipeline.PipelineRun;
import dev.nines.pipeline.PipelineWatcher;
import dev.nines.pipeline.RunState;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Spec;
import dev.nines.store.JobRef;
import dev.nines.store.JobSeen;
import dev.nines.store.NinesStore;
import dev.nines.store.PipelineRunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges every declared pipeline's runs every few seconds with the {@link PipelineWatcher} and
 * keeps each new conclusion as an observation (missed, late, failed, timeout, rows, at risk).
 */
public final class PipelineWatchLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineWatchLoop.class);

  /** The runs read per pipeline: enough for the watcher's lookback and typical durations. */
  static final int RUNS_READ = 500;

  private final Supplier<Spec> spec;
  private final PipelineRunsSource runs;
  private final NinesStore store;
  private final Clock clock;
  private final Instant startedAt;
  private ScheduledExecutorService executor;

  public PipelineWatchLoop(
      Supplier<Spec> spec, PipelineRunsSource runs, NinesStore store, Clock clock) {
    this.spec = spec;
    this.runs = runs;
    this.store = store;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** Evaluates every {@code every} until closed. */
  public synchronized void start(Duration every) {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "nines-pipeline-watch");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::evaluateQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Judges every declared pipeline now; returns how many new observations were saved. */
  public int evaluate() {
    Spec current = spec.get();
    PipelineCatalog catalog = PipelineCatalog.of(current);
    PipelineWatcher watcher = new PipelineWatcher(clock);
    List<JobSeen> seen = runs.jobsSeen();
    int saved = 0;
    for (PipelineSpec pipeline : catalog.pipelines()) {
      List<JobRef> jobs = catalog.jobsOf(pipeline, seen);
      List<PipelineRun> pipelineRuns =
          jobs.isEmpty()
              ? List.of()
              : runs.runsOf(jobs, RUNS_READ, 0).stream()
                  .map(run -> toPipelineRun(pipeline.name(), run))
                  .toList();
      for (PipelineFinding finding :
          watcher.evaluate(pipeline, pipelineRuns, watchedSince(pipelineRuns))) {
        if (store.recordFinding(
            finding.key(), runIdOf(finding), finding.observation(), clock.instant())) {
          saved++;
        }
      }
    }
    return saved;
  }

  /** Closes the loop; an evaluation under way finishes first. */
  @Override
  public synchronized void close() {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Slots before the server started are judged only as far back as the pipeline has runs stored: a
   * pipeline new to Nines does not report its whole past as missed.
   */
  private Instant watchedSince(List<PipelineRun> pipelineRuns) {
    return pipelineRuns.stream()
        .map(PipelineRun::firstSeen)
        .filter(time -> time != null)
        .min(Comparator.naturalOrder())
        .filter(oldest -> oldest.isBefore(startedAt))
        .orElse(startedAt);
  }

  private void evaluateQuietly() {
    try {
      int saved = evaluate();
      if (saved > 0) {
        LOG.info("Pipeline watch: {} new observations", saved);
      }
    } catch (RuntimeException e) {
      LOG.warn("Pipeline watch failed, will retry: {}", e.getMessage());
    }
  }

  private static UUID runIdOf(PipelineFinding finding) {
    if (finding.runId() == null) {
      return null;
    }
    try {
      return UUID.fromString(finding.runId());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static PipelineRun toPipelineRun(String pipeline, PipelineRunRecord run) {
    RunState state =
        switch (run.state()) {
          case UNKNOWN -> RunState.STARTED;
          case RUNNING -> RunState.RUNNING;
          case COMPLETE -> RunState.COMPLETED;
          case FAIL -> RunState.FAILED;
          case ABORT -> RunState.ABORTED;
        };
    return new PipelineRun(
        run.runId().toString(),
        pipeline,
        run.jobNamespace(),
        run.jobName(),
        state,
        run.nominalStart(),
        run.startedAt(),
        run.endedAt(),
        run.rowsWritten(),
        run.errorMessage());
  }
}
