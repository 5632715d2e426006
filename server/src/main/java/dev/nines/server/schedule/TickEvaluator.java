package dev.nines.server.schedule;

import dev.nines.NinesException;
import dev.nines.run.CheckRunner;
import dev.nines.run.RunRequest;
import dev.nines.run.RunResult;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one tick of one dataset: takes a slot on the dataset's source, claims the tick in the
 * log, runs its checks with the store as history, saves the run and marks the tick done.
 */
final class TickEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(TickEvaluator.class);

  /** What became of a tick. */
  enum Outcome {
    /** The checks ran and their run was saved. */
    RAN,
    /** The tick's run had been saved before (by a replica that died before moving on). */
    ALREADY_DONE,
    /** Every slot of the source was taken: try again shortly. */
    SOURCE_BUSY,
    /** Interrupted by a shutdown before the run was saved: the tick is still owed. */
    INTERRUPTED
  }

  private final NinesStore store;
  private final ScheduledCheckLog log;
  private final Clock clock;
  private final ScheduleSettings settings;
  private final SourceLimits limits = new SourceLimits();
  private final AtomicLong evaluations = new AtomicLong();

  TickEvaluator(NinesStore store, ScheduledCheckLog log, Clock clock, ScheduleSettings settings) {
    this.store = store;
    this.log = log;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Runs the tick unless its source is busy or its run was already saved.
   *
   * @throws NinesException when the store cannot be read or written
   */
  Outcome evaluate(Spec spec, DatasetSpec dataset, Instant tick) {
    SourceSpec source = spec.sources().get(dataset.source());
    Optional<SourceLimits.Slot> slot =
        source == null ? Optional.of(SourceLimits.Slot.NONE) : limits.tryAcquire(source);
    if (slot.isEmpty()) {
      return Outcome.SOURCE_BUSY;
    }
    RunResult result;
    try (SourceLimits.Slot held = slot.get()) {
      evaluations.incrementAndGet();
      if (claim(dataset.name(), tick) == ScheduledCheckLog.Claim.ALREADY_DONE) {
        LOG.info("Checks of {} for {} were already saved; not run again", dataset.name(), tick);
        return Outcome.ALREADY_DONE;
      }
      try (CheckRunner runner = new CheckRunner(spec, store, clock, settings.listener())) {
        result = runner.run(new RunRequest(Set.of(dataset.name())));
      }
    }
    if (Thread.currentThread().isInterrupted()) {
      return Outcome.INTERRUPTED; // its observations would only say "interrupted"
    }
    store.save(result, spec.files());
    try {
      log.finish(dataset.name(), tick, result.runId(), clock.instant());
    } catch (SQLException e) {
      throw new NinesException(
          "Saved run " + result.runId() + " of " + dataset.name() + " but could not log it", e);
    }
    LOG.debug("Checks of {} for {}: run {}", dataset.name(), tick, result.runId());
    return Outcome.RAN;
  }

  /** Ticks that got a slot and were claimed or found done, since start. */
  long evaluations() {
    return evaluations.get();
  }

  private ScheduledCheckLog.Claim claim(String dataset, Instant tick) {
    try {
      return log.claim(dataset, tick, settings.replica(), clock.instant());
    } catch (SQLException e) {
      throw new NinesException(
          "Cannot claim the checks of " + dataset + " for " + tick + ": " + e.getMessage(), e);
    }
  }
}
