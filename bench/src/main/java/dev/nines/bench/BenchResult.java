package dev.nines.bench;

import dev.nines.run.DatasetPlan;
import dev.nines.run.RunResult;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one database's benchmark measured.
 *
 * @param database {@code postgres} or {@code duckdb}
 * @param rows rows in the table
 * @param loadTime time to generate and prepare the table
 * @param timings the timed repetitions of every {@link Measure}
 * @param checks how many checks ran (40 unless the engine lacks some check types)
 * @param singlePassChecks how many of them are single-pass
 * @param missingTypes check types the engine does not register, whose checks were left out
 * @param lastRun what the last timed Nines run of all the checks produced
 * @param naiveChecks each naive query's time and value in the last repetition
 * @param plan the SQL Nines planned for the run of all the checks
 * @param planNotes how the database plans each Nines query, of both Nines runs
 * @param settings the database's relevant settings
 * @param cacheNote table size and where its pages were read from
 * @param checkedColumns the columns the checks touch, which {@link Measure#CHECKED_READ} reads
 * @param diagnosis lines of {@link QueryDiagnosis}, empty unless asked for
 */
public record BenchResult(
    String database,
    long rows,
    Duration loadTime,
    Map<Measure, Samples> timings,
    int checks,
    int singlePassChecks,
    List<String> missingTypes,
    RunResult lastRun,
    List<NaiveTiming> naiveChecks,
    List<DatasetPlan> plan,
    List<String> planNotes,
    List<String> settings,
    String cacheNote,
    List<String> checkedColumns,
    List<String> diagnosis) {
  public BenchResult {
    if (!timings.keySet().containsAll(List.of(Measure.values()))) {
      throw new IllegalArgumentException("every measure needs timings, got " + timings.keySet());
    }
    timings = Map.copyOf(new EnumMap<>(timings));
    missingTypes = List.copyOf(missingTypes);
    naiveChecks = List.copyOf(naiveChecks);
    plan = List.copyOf(plan);
    planNotes = List.copyOf(planNotes);
    settings = List.copyOf(settings);
    checkedColumns = List.copyOf(checkedColumns);
    diagnosis = List.copyOf(diagnosis);
  }

  public Samples samples(Measure measure) {
    return timings.get(measure);
  }

  /** Median of {@code measure} ÷ median of {@code baseline}. */
  public double ratio(Measure measure, Measure baseline) {
    return samples(measure).medianSeconds() / samples(baseline).medianSeconds();
  }

  /**
   * How many queries the Nines run planned, counting those sent only when a check warns or fails.
   */
  public int plannedQueries() {
    return plan.stream().mapToInt(dataset -> dataset.queries().size()).sum();
  }

  /**
   * How many different queries the last Nines run of all the checks sent, as its observations say.
   */
  public int sentQueries() {
    return sentSql(lastRun).size();
  }

  /** The distinct SQL a run's observations say was sent. */
  static java.util.Set<String> sentSql(RunResult run) {
    return run.observations().stream()
        .flatMap(observation -> observation.queries().stream())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  /** One naive query's time and the number it returned. */
  public record NaiveTiming(String check, Duration elapsed, Object value) {}
}
