package dev.nines.report;

import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pipeline durations and source-to-available latency of the runs that write a dataset. */
final class RunVelocity {
  private RunVelocity() {}

  /**
   * Durations of the runs of the period that have one.
   *
   * @param writers the pipelines (or undeclared jobs) that write the dataset
   * @param runs their runs, any period
   */
  static DatasetReport.RunDurations durations(
      List<String> writers, List<WriterRun> runs, ReportPeriod period) {
    List<WriterRun> inPeriod = inPeriod(runs, period);
    List<WriterRun> timed =
        inPeriod.stream()
            .filter(run -> run.duration() != null)
            .sorted(Comparator.comparing(WriterRun::duration))
            .toList();
    String note;
    if (writers.isEmpty()) {
      note =
          "no pipeline lists it under outputs and no lineage run reported writing it,"
              + " so no run is known to write it";
    } else if (inPeriod.isEmpty()) {
      note = "no run of " + String.join(", ", writers) + " in the period";
    } else if (timed.isEmpty()) {
      note = "no run of the period reported both its start and its end";
    } else {
      note = "runs of " + String.join(", ", writers) + " that started in the period";
    }
    if (timed.isEmpty()) {
      return new DatasetReport.RunDurations(writers, inPeriod.size(), null, null, null, note);
    }
    WriterRun slowest = timed.get(timed.size() - 1);
    return new DatasetReport.RunDurations(
        writers,
        inPeriod.size(),
        nearestRank(timed.stream().map(WriterRun::duration).toList(), 0.5),
        nearestRank(timed.stream().map(WriterRun::duration).toList(), 0.95),
        new DatasetReport.SlowestRun(
            slowest.runId(), slowest.writer(), slowest.startedAt(), slowest.duration()),
        note);
  }

  /** From the end of each completed run's data interval to its completion. */
  static DatasetReport.Latency latency(
      List<String> writers, List<WriterRun> runs, ReportPeriod period) {
    List<WriterRun> completed =
        inPeriod(runs, period).stream().filter(WriterRun::completed).toList();
    List<WriterRun> known = completed.stream().filter(run -> run.latency() != null).toList();
    Map<WriterRun.DataEndBasis, Long> bases = new EnumMap<>(WriterRun.DataEndBasis.class);
    for (WriterRun run : completed) {
      bases.merge(run.dataEndBasis(), 1L, Long::sum);
    }
    if (known.isEmpty()) {
      String why =
          writers.isEmpty()
              ? "no run is known to write it"
              : completed.isEmpty()
                  ? "no run writing it completed in the period"
                  : "no completed run says which data interval it processed (no nominalTime"
                      + " facet, and its pipeline has no schedule)";
      return new DatasetReport.Latency(0, null, null, bases, why);
    }
    List<java.time.Duration> sorted = known.stream().map(WriterRun::latency).sorted().toList();
    return new DatasetReport.Latency(
        known.size(),
        nearestRank(sorted, 0.5),
        nearestRank(sorted, 0.95),
        bases,
        "from the end of the data interval each completed run processed to its completion");
  }

  private static List<WriterRun> inPeriod(List<WriterRun> runs, ReportPeriod period) {
    return runs.stream()
        .filter(run -> run.when() != null && period.interval().contains(run.when()))
        .toList();
  }

  /** The nearest-rank percentile of sorted durations: a duration one of the runs really took. */
  static Duration nearestRank(List<Duration> sorted, double fraction) {
    Objects.checkIndex(0, sorted.size());
    int rank = (int) Math.ceil(fraction * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
