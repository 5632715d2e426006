package dev.nines.bench;

import dev.nines.run.DatasetPlan;
import dev.nines.run.RunResult;
import java.time.Duration;
import java.util.List;

/**
 * What one database's benchmark measured.
 *
 * @param database {@code postgres} or {@code duckdb}
 * @param rows rows in the table
 * @param loadTime time to generate and prepare the table
 * @param fullScan timings of {@code select count(*)}
 * @param ninesRun timings of one Nines check run of the 40 checks
 * @param naiveRun timings of the 40 naive queries, one after another
 * @param lastRun what the last timed Nines run produced
 * @param naiveChecks each naive query's time and value in the last repetition
 * @param plan the SQL Nines planned for the run
 * @param settings the database's relevant settings
 * @param cacheNote table size and where its pages were read from
 */
public record BenchResult(
    String database,
    long rows,
    Duration loadTime,
    Samples fullScan,
    Samples ninesRun,
    Samples naiveRun,
    RunResult lastRun,
    List<NaiveTiming> naiveChecks,
    List<DatasetPlan> plan,
    List<String> settings,
    String cacheNote) {
  public BenchResult {
    naiveChecks = List.copyOf(naiveChecks);
    plan = List.copyOf(plan);
    settings = List.copyOf(settings);
  }

  /** Nines run ÷ one full scan; the target is at most 1.5. */
  public double ninesOverScan() {
    return ninesRun.medianSeconds() / fullScan.medianSeconds();
  }

  /** Nines run ÷ the naive run; below 1 means Nines is faster. */
  public double ninesOverNaive() {
    return ninesRun.medianSeconds() / naiveRun.medianSeconds();
  }

  /** How many queries the Nines run planned. */
  public int plannedQueries() {
    return plan.stream().mapToInt(dataset -> dataset.queries().size()).sum();
  }

  /** One naive query's time and the number it returned. */
  public record NaiveTiming(String check, Duration elapsed, Object value) {}
}
