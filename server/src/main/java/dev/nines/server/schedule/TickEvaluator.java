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
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one tick of one dataset: claims it in the log, waits for a slot on the dataset's
 * source, runs its checks with the store as history, saves the run and marks the tick done.
 */
final class TickEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(TickEvaluator.class);

  private final NinesStore store;
  private final Clock clock;
  private final ScheduleSettings settings;
  private final SourceLimits limits = new SourceLimits();
  private final ScheduledCheckLog log;

  TickEvaluator(NinesStore store, ScheduledCheckLog log, Clock clock, ScheduleSettings settings) {
    this.store = store;
    this.log = log;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Runs the tick unless its run was already saved.
   *
   * @throws InterruptedException when shutting down before the checks ran
   * @throws NinesException when the store cannot be written
   */
  void evaluate(Spec spec, DatasetSpec dataset, Instant tick) throws InterruptedException {
    if (claim(dataset.name(), tick) == ScheduledCheckLog.Claim.ALREADY_DONE) {
      LOG.info("Checks of {} for {} were already saved; not run again", dataset.name(), tick);
      return;
    }
    RunResult result;
    SourceSpec source = spec.sources().get(dataset.source());
    // A dataset on an undefined source needs no slot: the runner reports it as an ERROR at once.
    try (SourceLimits.Slot slot = source == null ? () -> {} : limits.acquire(source);
        CheckRunner runner = new CheckRunner(spec, store, clock, settings.listener())) {
      result = runner.run(new RunRequest(Set.of(dataset.name())));
    }
    store.save(result, spec.files());
    try {
      log.finish(dataset.name(), tick, result.runId(), clock.instant());
    } catch (SQLException e) {
      throw new NinesException(
          "Saved run " + result.runId() + " of " + dataset.name() + " but could not log it", e);
    }
    LOG.debug("Checks of {} for {}: run {}", dataset.name(), tick, result.runId());
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
