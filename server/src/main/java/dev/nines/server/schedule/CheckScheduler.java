package dev.nines.server.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.nines.NinesException;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.store.NinesStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each dataset's checks on its {@code every:} or {@code cron:} schedule, with db-scheduler on
 * the store's database: one scheduled execution per dataset, picked by exactly one replica when
 * due, then moved to the dataset's next tick. The schedule survives restarts; a replica that dies
 * while running a dataset leaves it to be run again by another one (or by itself on the next
 * start).
 */
public final class CheckScheduler implements AutoCloseable {
  /** db-scheduler's task name; its instances are dataset names. */
  public static final String TASK = "nines-dataset-checks";

  /** How long the log of scheduled evaluations is kept. */
  public static final Duration LOG_RETENTION = Duration.ofDays(30);

  /** How soon a tick put off by a busy source is tried again (at the next poll after it). */
  private static final Duration BUSY_SOURCE_RETRY = Duration.ofMillis(200);

  private static final String LOG_CLEANUP_TASK = "nines-scheduled-check-cleanup";

  private static final Logger LOG = LoggerFactory.getLogger(CheckScheduler.class);

  private final Clock clock;
  private final AtomicReference<Spec> spec;
  private final TickEvaluator evaluator;
  private final CustomTask<String> task;
  private final Scheduler scheduler;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CheckScheduler(NinesStore store, Spec spec, Clock clock, ScheduleSettings settings) {
    this.clock = clock;
    this.spec = new AtomicReference<>(spec);
    ScheduledCheckLog log = new ScheduledCheckLog(store.dataSource());
    this.evaluator = new TickEvaluator(store, log, clock, settings);
    RecurringTask<Void> cleanup =
        Tasks.recurring(LOG_CLEANUP_TASK, FixedDelay.ofHours(6))
            .execute(
                (instance, context) -> {
                  try {
                    log.deleteBefore(clock.instant().minus(LOG_RETENTION));
                  } catch (SQLException e) {
                    throw new NinesException("Cannot trim the scheduled check log", e);
                  }
                });
    this.task =
        Tasks.custom(TASK, String.class)
            .onFailure(this::failed)
            .onDeadExecution(CheckScheduler::retryTick)
            .execute(this::execute);
    this.scheduler =
        Scheduler.create(store.dataSource(), task)
            .startTasks(cleanup)
            .schedulerName(new SchedulerName.Fixed(settings.replica()))
            .clock(clock::instant)
            .threads(settings.threads())
            .pollingInterval(settings.pollingInterval())
            .heartbeatInterval(settings.heartbeatInterval())
            .missedHeartbeatsLimit(4)
            .shutdownMaxWait(settings.shutdownTimeout())
            .alwaysPersistTimestampInUTC()
            .failureLogging(LogLevel.WARN, false)
            .build();
  }

  /**
   * Brings the shared schedule in line with the spec, then starts polling it.
   *
   * @param store the store whose database keeps the schedule and receives the runs
   */
  public static CheckScheduler start(
      NinesStore store, Spec spec, Clock clock, ScheduleSettings settings) {
    CheckScheduler checkScheduler = new CheckScheduler(store, spec, clock, settings);
    checkScheduler.reschedule(spec);
    checkScheduler.scheduler.start();
    return checkScheduler;
  }

  /**
   * Puts a new spec in force: schedules datasets that are new or got a schedule, unschedules those
   * removed or without one, moves those whose schedule changed. A dataset running now picks up its
   * new schedule (or is dropped) when it finishes.
   */
  public synchronized void reschedule(Spec newSpec) {
    spec.set(newSpec);
    Map<String, DatasetSchedule> wanted = schedules(newSpec);
    try {
      align(wanted);
      LOG.info("{} datasets scheduled", wanted.size());
    } catch (RuntimeException e) {
      // Runs already read the new spec; the shared schedule is aligned again on the next reload.
      LOG.warn("Could not update the schedule in the store: {}", e.getMessage());
    }
  }

  private void align(Map<String, DatasetSchedule> wanted) {
    Map<String, ScheduledExecution<String>> existing = new HashMap<>();
    scheduler.fetchScheduledExecutionsForTask(
        TASK,
        String.class,
        ScheduledExecutionsFilter.all(),
        execution -> existing.put(execution.getTaskInstance().getId(), execution));
    Instant now = clock.instant();
    wanted.forEach(
        (dataset, schedule) -> {
          ScheduledExecution<String> current = existing.get(dataset);
          String data = TickData.of(schedule.key()).encode();
          if (current == null) {
            // Another replica may add the same dataset at the same moment: only one row is kept.
            attempt(
                dataset,
                () ->
                    scheduler.scheduleIfNotExists(
                        task.instance(dataset, data), next(schedule, now)));
          } else if (!current.isPicked()
              && !schedule.key().equals(TickData.decode(current.getData()).scheduleKey())) {
            attempt(
                dataset,
                () ->
                    scheduler.reschedule(
                        TaskInstanceId.of(TASK, dataset), next(schedule, now), data));
          }
        });
    existing.forEach(
        (dataset, execution) -> {
          if (!wanted.containsKey(dataset) && !execution.isPicked()) {
            attempt(dataset, () -> scheduler.cancel(TaskInstanceId.of(TASK, dataset)));
          }
        });
  }

  /**
   * One dataset's change to the shared schedule. It fails when the dataset was picked meanwhile;
   * that run then finishes under the new spec, which moves or drops it.
   */
  private static void attempt(String dataset, Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      LOG.debug("Schedule of {} left to its running execution: {}", dataset, e.getMessage());
    }
  }

  /** The next time each scheduled dataset is due, as kept in the shared schedule. */
  public Map<String, Instant> scheduled() {
    Map<String, Instant> due = new LinkedHashMap<>();
    scheduler.fetchScheduledExecutionsForTask(
        TASK,
        String.class,
        ScheduledExecutionsFilter.all(),
        execution -> due.put(execution.getTaskInstance().getId(), execution.getExecutionTime()));
    return due;
  }

  /**
   * How many ticks this replica has taken up since it started (found a free slot on the source and
   * claimed, or found already done); a tick put off because its source was busy is not counted.
   */
  public long evaluations() {
    return evaluator.evaluations();
  }

  /** Stops polling and waits (up to the shutdown timeout) for running datasets to finish. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      scheduler.stop();
    }
  }

  private CompletionHandler<String> execute(
      TaskInstance<String> instance, ExecutionContext context) {
    String dataset = instance.getId();
    TickData data = TickData.decode(instance.getData());
    Instant tick =
        data.owedTick() != null ? data.owedTick() : context.getExecution().getExecutionTime();
    Spec current = spec.get();
    DatasetSpec datasetSpec = current.datasets().get(dataset);
    if (datasetSpec == null || scheduleOf(datasetSpec).isEmpty()) {
      return this::moveToNextTick;
    }
    TickEvaluator.Outcome outcome = evaluator.evaluate(current, datasetSpec, tick);
    return switch (outcome) {
      case RAN, ALREADY_DONE -> this::moveToNextTick;
      // Put off rather than waited for, so a busy source never holds threads other sources need.
      case SOURCE_BUSY ->
          (complete, operations) ->
              operations.reschedule(
                  complete,
                  clock.instant().plus(BUSY_SOURCE_RETRY),
                  new TickData(data.scheduleKey(), tick).encode());
      // Left for the same tick to be run again, here after a restart or on another replica.
      case INTERRUPTED -> (complete, operations) -> operations.reschedule(complete, tick);
    };
  }

  /** After a run (or for a dataset gone from the spec): on to the next tick from now, or away. */
  private void moveToNextTick(ExecutionComplete complete, ExecutionOperations<String> operations) {
    String dataset = complete.getExecution().taskInstance.getId();
    DatasetSpec datasetSpec = spec.get().datasets().get(dataset);
    Optional<DatasetSchedule> schedule =
        datasetSpec == null ? Optional.empty() : scheduleOf(datasetSpec);
    if (schedule.isEmpty()) {
      operations.remove();
      return;
    }
    operations.reschedule(
        complete,
        next(schedule.get(), clock.instant()),
        TickData.of(schedule.get().key()).encode());
  }

  /** A run that threw (the store unreachable): logged by db-scheduler; skip to the next tick. */
  private void failed(ExecutionComplete complete, ExecutionOperations<String> operations) {
    moveToNextTick(complete, operations);
  }

  /** A replica died running it: the same tick again now; the log skips it if its run was saved. */
  private static void retryTick(
      ExecutionComplete complete, ExecutionOperations<String> operations) {
    operations.reschedule(complete, complete.getExecution().getExecutionTime());
  }

  private static Instant next(DatasetSchedule schedule, Instant now) {
    return schedule.nextAfter(now);
  }

  private static Map<String, DatasetSchedule> schedules(Spec spec) {
    Map<String, DatasetSchedule> schedules = new LinkedHashMap<>();
    for (DatasetSpec dataset : spec.datasets().values()) {
      scheduleOf(dataset).ifPresent(schedule -> schedules.put(dataset.name(), schedule));
    }
    return schedules;
  }

  private static Optional<DatasetSchedule> scheduleOf(DatasetSpec dataset) {
    try {
      return DatasetSchedule.of(dataset);
    } catch (RuntimeException e) { // InvalidCronException mostly; one dataset never stops the rest
      LOG.warn("Dataset {} is not scheduled: {}", dataset.name(), e.getMessage());
      return Optional.empty();
    }
  }
}
