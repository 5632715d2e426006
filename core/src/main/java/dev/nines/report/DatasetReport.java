package dev.nines.report;

import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The five V's of one dataset over a period, from the store's history.
 *
 * @param dataset its name
 * @param period the span looked at
 * @param generatedAt when the report was made
 * @param volume rows now, at the start, and the change
 * @param variety where it comes from, what its columns are and how they changed
 * @param veracity how its checks went
 * @param value whether it is read and how big it is, where the database tells
 * @param velocity how fast rows arrive, how long the runs writing it take, how late data lands
 */
public record DatasetReport(
    String dataset,
    ReportPeriod period,
    Instant generatedAt,
    Volume volume,
    Variety variety,
    Veracity veracity,
    Value value,
    Velocity velocity) {
  public DatasetReport {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(period, "period");
  }

  /**
   * Rows from the stored row counts.
   *
   * @param rows the newest count in the period, null when none was measured
   * @param rowsAtStart the oldest count in the period
   * @param change rows − rowsAtStart over rowsAtStart, null when either is missing or zero
   * @param measurements how many counts the period holds
   */
  public record Volume(Long rows, Long rowsAtStart, BigDecimal change, int measurements) {}

  /**
   * @param source the spec's source
   * @param columns column count of the newest schema snapshot, null without one
   * @param types how many columns of each type
   * @param schemaTakenAt when that snapshot was taken
   * @param snapshots schema snapshots taken in the period
   * @param distinctSchemas distinct schemas seen in the period, the one it began with included
   * @param changes the schema changes within the period, oldest first
   */
  public record Variety(
      String source,
      Integer columns,
      Map<String, Long> types,
      Instant schemaTakenAt,
      int snapshots,
      int distinctSchemas,
      List<SchemaChange> changes) {
    public Variety {
      types = types == null ? Map.of() : types;
      changes = changes == null ? List.of() : List.copyOf(changes);
    }
  }

  /**
   * @param at when the snapshot showing it was taken
   * @param changes one line per column added, removed, retyped, or reordering
   */
  public record SchemaChange(Instant at, List<String> changes) {
    public SchemaChange {
      changes = List.copyOf(changes);
    }
  }

  /**
   * @param observations checks run on it in the period
   * @param passed of those, PASS or WARN
   * @param failed FAIL
   * @param errors ERROR (could not run)
   * @param passRate passed over those that ran (errors left out), null when none ran
   * @param incidents incidents about it in the period
   */
  public record Veracity(
      int observations, int passed, int failed, int errors, BigDecimal passRate, int incidents) {}

  /**
   * @param scans reads the database counted (PostgreSQL: table scans; MySQL/MariaDB: rows read),
   *     null where it does not say
   * @param bytes the table's size with its indexes, null where unknown
   * @param note how the reads were found out, or why not
   * @param sizeNote what the size covers and where it comes from, or why it is not known
   */
  public record Value(Long scans, Long bytes, String note, String sizeNote) {}

  /**
   * @param rowsPerHour rows added per hour between the oldest and newest counts of the period
   * @param pipelines durations of the runs that write it
   * @param latency source-to-available latency of those runs
   */
  public record Velocity(BigDecimal rowsPerHour, RunDurations pipelines, Latency latency) {}

  /**
   * @param writers the pipelines that list it under outputs, and the jobs of lineage runs that
   *     reported writing it which no pipeline declares
   * @param runs their runs that started in the period
   * @param median nearest-rank median duration of those with a start and an end, null without one
   * @param p95 nearest-rank 95th percentile of the same
   * @param slowest the longest of them, null without one
   * @param note what was counted, or why nothing could be
   */
  public record RunDurations(
      List<String> writers,
      int runs,
      Duration median,
      Duration p95,
      SlowestRun slowest,
      String note) {
    public RunDurations {
      writers = List.copyOf(writers);
    }
  }

  /** The longest run of a period. */
  public record SlowestRun(String runId, String writer, Instant startedAt, Duration duration) {}

  /**
   * Source-to-available latency: for each completed run writing the dataset, the time from the end
   * of the data interval it processed to its completion (see {@link WriterRun#of}).
   *
   * @param runs completed runs of the period whose latency is known
   * @param median nearest-rank median, null when none is known
   * @param p95 nearest-rank 95th percentile, null when none is known
   * @param bases how many completed runs took their interval's end from where
   * @param note what was measured, or why nothing could be
   */
  public record Latency(
      int runs,
      Duration median,
      Duration p95,
      Map<WriterRun.DataEndBasis, Long> bases,
      String note) {
    public Latency {
      bases = Map.copyOf(bases);
    }
  }

  /**
   * Builds the report from the newest schema only, without pipeline runs.
   *
   * @param rowCounts row_count measurements, any order
   * @param observations the dataset's observations in the period
   */
  public static DatasetReport of(
      String dataset,
      String source,
      ReportPeriod period,
      Instant now,
      List<Measurement> rowCounts,
      SchemaSnapshot schema,
      List<Observation> observations,
      int incidents,
      Value value) {
    return of(
        dataset,
        source,
        period,
        now,
        rowCounts,
        schema,
        schema == null ? List.of() : List.of(schema),
        observations,
        incidents,
        value,
        List.of(),
        List.of());
  }

  /**
   * Builds the report from what the store holds.
   *
   * @param rowCounts row_count measurements, any order
   * @param schema the newest schema snapshot, null without one
   * @param schemas schema snapshots up to the period's end, any order
   * @param observations the dataset's observations in the period
   * @param writers the pipelines (or undeclared jobs) that write it
   * @param runs their runs, any order
   */
  public static DatasetReport of(
      String dataset,
      String source,
      ReportPeriod period,
      Instant now,
      List<Measurement> rowCounts,
      SchemaSnapshot schema,
      List<SchemaSnapshot> schemas,
      List<Observation> observations,
      int incidents,
      Value value,
      List<String> writers,
      List<WriterRun> runs) {
    List<Measurement> counts =
        rowCounts.stream()
            .filter(m -> period.interval().contains(m.measuredAt()))
            .sorted(Comparator.comparing(Measurement::measuredAt))
            .toList();
    Measurement first = counts.isEmpty() ? null : counts.get(0);
    Measurement last = counts.isEmpty() ? null : counts.get(counts.size() - 1);
    BigDecimal change =
        first == null || first.value() == 0
            ? null
            : BigDecimal.valueOf(last.value() - first.value())
                .divide(BigDecimal.valueOf(first.value()), MathContext.DECIMAL64);
    Volume volume =
        new Volume(
            last == null ? null : Math.round(last.value()),
            first == null ? null : Math.round(first.value()),
            change,
            counts.size());
    Variety variety = SchemaChanges.of(source, schema, schemas, period);
    int passed = 0;
    int failed = 0;
    int errors = 0;
    for (Observation observation : observations) {
      if (observation.status() == Status.ERROR) {
        errors++;
      } else if (observation.status() == Status.FAIL) {
        failed++;
      } else {
        passed++;
      }
    }
    BigDecimal passRate =
        passed + failed == 0
            ? null
            : BigDecimal.valueOf(passed)
                .divide(BigDecimal.valueOf(passed + failed), MathContext.DECIMAL64);
    BigDecimal perHour = null;
    if (first != null && last != first) {
      long millis = Duration.between(first.measuredAt(), last.measuredAt()).toMillis();
      if (millis > 0) {
        perHour =
            BigDecimal.valueOf(last.value() - first.value())
                .multiply(BigDecimal.valueOf(3_600_000))
                .divide(BigDecimal.valueOf(millis), MathContext.DECIMAL64);
      }
    }
    return new DatasetReport(
        dataset,
        period,
        now,
        volume,
        variety,
        new Veracity(observations.size(), passed, failed, errors, passRate, incidents),
        value == null ? new Value(null, null, "not asked", "not asked") : value,
        new Velocity(
            perHour,
            RunVelocity.durations(writers, runs, period),
            RunVelocity.latency(writers, runs, period)));
  }
}
