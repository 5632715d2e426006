package dev.nines.pipeline.internal;

import dev.nines.pipeline.PipelineRun;
import dev.nines.pipeline.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** What is typical of a pipeline, learned from its successful runs. */
public final class RunHistory {
  private final List<PipelineRun> completed;

  /** Keeps the completed runs with a known end, newest end first. */
  public RunHistory(List<PipelineRun> runs) {
    this.completed =
        runs.stream()
            .filter(run -> run.state() == RunState.COMPLETED && run.endedAt() != null)
            .sorted(Comparator.comparing(PipelineRun::endedAt).reversed())
            .toList();
  }

  /**
   * The median duration of the last {@code count} successful runs that ended before {@code before},
   * when at least {@code minimum} of them are known.
   */
  public Optional<Duration> typicalDuration(Instant before, int count, int minimum) {
    List<Double> seconds =
        completed.stream()
            .filter(run -> run.endedAt().isBefore(before) && run.duration().isPresent())
            .limit(count)
            .map(run -> (double) run.duration().get().toMillis())
            .toList();
    return seconds.size() < minimum
        ? Optional.empty()
        : Optional.of(Duration.ofMillis(Math.round(median(seconds))));
  }

  /**
   * The median rows written by the last {@code count} successful runs other than {@code runId} that
   * ended before {@code before}, when at least {@code minimum} reported rows.
   */
  public OptionalDouble typicalRows(String runId, Instant before, int count, int minimum) {
    List<Double> rows =
        completed.stream()
            .filter(run -> !run.runId().equals(runId))
            .filter(run -> run.endedAt().isBefore(before) && run.rowsWritten() != null)
            .limit(count)
            .map(run -> (double) run.rowsWritten())
            .toList();
    return rows.size() < minimum ? OptionalDouble.empty() : OptionalDouble.of(median(rows));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
