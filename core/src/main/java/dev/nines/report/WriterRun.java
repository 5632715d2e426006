package dev.nines.report;

import dev.nines.pipeline.CronSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One pipeline run that writes a dataset, as the dataset report needs it.
 *
 * @param runId the run's id
 * @param writer the pipeline it belongs to, or its job when no pipeline declares it
 * @param completed whether it ended successfully (only those make data available)
 * @param startedAt null when no start was reported
 * @param endedAt null while it runs
 * @param duration from start to end, null unless both are known
 * @param dataEnd the end of the data interval it processed, null when nothing says
 * @param dataEndBasis where {@code dataEnd} comes from
 */
public record WriterRun(
    String runId,
    String writer,
    boolean completed,
    Instant startedAt,
    Instant endedAt,
    Duration duration,
    Instant dataEnd,
    DataEndBasis dataEndBasis) {
  public WriterRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(dataEndBasis, "dataEndBasis");
  }

  /** Where the end of a run's data interval was read. */
  public enum DataEndBasis {
    /** OpenLineage nominalTime facet, nominalEndTime. */
    NOMINAL_END,
    /** OpenLineage nominalTime facet, nominalStartTime (no end given). */
    NOMINAL_START,
    /** The pipeline's schedule: the last fire at or before the run started. */
    SCHEDULE,
    /** Nothing says. */
    NONE
  }

  /**
   * A run with its data interval's end chosen as the dataset report defines it: the nominal end
   * time, else the nominal start time, else the scheduled time of the slot it ran for.
   *
   * @param schedule the pipeline's schedule, null for on-demand pipelines and undeclared jobs
   */
  public static WriterRun of(
      String runId,
      String writer,
      boolean completed,
      Instant startedAt,
      Instant endedAt,
      Duration duration,
      Instant nominalStart,
      Instant nominalEnd,
      CronSchedule schedule) {
    Instant dataEnd;
    DataEndBasis basis;
    if (nominalEnd != null) {
      dataEnd = nominalEnd;
      basis = DataEndBasis.NOMINAL_END;
    } else if (nominalStart != null) {
      dataEnd = nominalStart;
      basis = DataEndBasis.NOMINAL_START;
    } else if (schedule != null && startedAt != null) {
      dataEnd = schedule.previousFire(startedAt);
      basis = dataEnd == null ? DataEndBasis.NONE : DataEndBasis.SCHEDULE;
    } else {
      dataEnd = null;
      basis = DataEndBasis.NONE;
    }
    return new WriterRun(runId, writer, completed, startedAt, endedAt, duration, dataEnd, basis);
  }

  /** From the end of its data interval to its completion; null when either is unknown. */
  public Duration latency() {
    return completed && dataEnd != null && endedAt != null
        ? Duration.between(dataEnd, endedAt)
        : null;
  }

  /** When it happened, for placing it in a period: its start, else its end. */
  Instant when() {
    return startedAt != null ? startedAt : endedAt;
  }
}
