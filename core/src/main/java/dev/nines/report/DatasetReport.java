package dev.nines.report;

import dev.nines.observation.ColumnInfo;
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
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The five V's of one dataset over a period, from the store's history.
 *
 * @param dataset its name
 * @param period the span looked at
 * @param generatedAt when the report was made
 * @param volume rows now, at the start, and the change
 * @param variety where it comes from and what its columns are
 * @param veracity how its checks went
 * @param value whether it is read, where the database counts it
 * @param velocity how fast rows arrive
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
   */
  public record Variety(
      String source, Integer columns, Map<String, Long> types, Instant schemaTakenAt) {}

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
   * @param scans table scans the database counted, null where it does not say
   * @param bytes the table's size with its indexes, null where unknown
   * @param note how it was found out, or why not
   */
  public record Value(Long scans, Long bytes, String note) {}

  /**
   * @param rowsPerHour rows added per hour between the oldest and newest counts of the period
   */
  public record Velocity(BigDecimal rowsPerHour) {}

  /**
   * Builds the report from what the store holds.
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
    Variety variety =
        schema == null
            ? new Variety(source, null, Map.of(), null)
            : new Variety(
                source,
                schema.columns().size(),
                schema.columns().stream()
                    .collect(
                        Collectors.groupingBy(
                            ColumnInfo::type, TreeMap::new, Collectors.counting())),
                schema.takenAt());
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
        value == null ? new Value(null, null, "not asked") : value,
        new Velocity(perHour));
  }
}
