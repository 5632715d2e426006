package dev.nines.server.schedule;

import dev.nines.run.RunListener;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How the check scheduler polls and shuts down.
 *
 * @param replica this process's name in the shared schedule (who picked an execution)
 * @param pollingInterval how often the schedule is read for due executions
 * @param heartbeatInterval how often running executions are marked alive; one silent for four
 *     intervals counts as dead and is run again by another replica
 * @param threads how many datasets may run at once in this process (over all sources)
 * @param shutdownTimeout how long closing waits for running datasets
 * @param listener hears each dataset start and finish (progress, tests)
 */
public record ScheduleSettings(
    String replica,
    Duration pollingInterval,
    Duration heartbeatInterval,
    int threads,
    Duration shutdownTimeout,
    RunListener listener) {
  public ScheduleSettings {
    Objects.requireNonNull(replica, "replica");
    requirePositive(pollingInterval, "pollingInterval");
    requirePositive(heartbeatInterval, "heartbeatInterval");
    requirePositive(shutdownTimeout, "shutdownTimeout");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    listener = listener == null ? RunListener.NONE : listener;
  }

  /** Polls every 5 seconds, 8 threads, 30 seconds to finish at shutdown; named host:pid. */
  public static ScheduleSettings defaults() {
    return new ScheduleSettings(
        ManagementFactory.getRuntimeMXBean().getName(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        8,
        Duration.ofSeconds(30),
        RunListener.NONE);
  }

  public ScheduleSettings withReplica(String name) {
    return new ScheduleSettings(
        name, pollingInterval, heartbeatInterval, threads, shutdownTimeout, listener);
  }

  public ScheduleSettings withPollingInterval(Duration interval) {
    return new ScheduleSettings(
        replica, interval, heartbeatInterval, threads, shutdownTimeout, listener);
  }

  public ScheduleSettings withHeartbeatInterval(Duration interval) {
    return new ScheduleSettings(
        replica, pollingInterval, interval, threads, shutdownTimeout, listener);
  }

  public ScheduleSettings withShutdownTimeout(Duration timeout) {
    return new ScheduleSettings(
        replica, pollingInterval, heartbeatInterval, threads, timeout, listener);
  }

  public ScheduleSettings withThreads(int count) {
    return new ScheduleSettings(
        replica, pollingInterval, heartbeatInterval, count, shutdownTimeout, listener);
  }

  public ScheduleSettings withListener(RunListener runListener) {
    return new ScheduleSettings(
        replica, pollingInterval, heartbeatInterval, threads, shutdownTimeout, runListener);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + duration);
    }
  }
}
