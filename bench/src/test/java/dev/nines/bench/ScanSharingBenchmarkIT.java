package dev.nines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the whole harness, so CI keeps it compiling and working. */
class ScanSharingBenchmarkIT {
  @Test
  void a_small_run_times_scan_nines_and_naive_on_both_databases(@TempDir Path directory)
      throws Exception {
    BenchOptions options = BenchOptions.parse("--rows", "10000", "--repeat", "1", "--db", "all");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();

    List<BenchResult> results =
        new ScanSharingBenchmark(options, new PrintStream(progress, true, StandardCharsets.UTF_8))
            .measure();

    assertThat(results).extracting(BenchResult::database).containsExactly("postgres", "duckdb");
    for (BenchResult result : results) {
      for (Measure measure : Measure.values()) {
        assertThat(result.samples(measure).median())
            .as("%s %s", result.database(), measure)
            .isPositive();
      }
      assertThat(result.missingTypes()).as("check types the engine lacks").isEmpty();
      assertThat(result.checks()).isEqualTo(40);
      assertThat(result.singlePassChecks()).isEqualTo(35);
      assertThat(result.naiveChecks()).hasSize(40);
      assertThat(result.lastRun().observations()).hasSize(40);
      assertThat(result.lastRun().observations())
          .as("%s: no check of the benchmark should fail to run", result.database())
          .allSatisfy(observation -> assertThat(observation.status()).isNotEqualTo(Status.ERROR));
      assertThat(result.plannedQueries()).isPositive();
    }

    Path benchmarks = directory.resolve("BENCHMARKS.md");
    Files.writeString(
        benchmarks,
        "# Benchmarks\n\nintro\n\n<!-- results:postgres:start -->\nold\n<!-- results:postgres:end -->\n");
    MachineInfo machine = MachineInfo.current();
    for (BenchResult result : results) {
      MarkdownReport.record(benchmarks, result.database(), machine, options, result);
    }
    String recorded = Files.readString(benchmarks);
    assertThat(recorded).startsWith("# Benchmarks\n\nintro\n").doesNotContain("\nold\n");
    assertThat(recorded).contains("| postgres | 10,000 | all 40 |", "| duckdb | 10,000 | all 40 |");
  }
}
