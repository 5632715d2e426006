package dev.nines.bench.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SLO benchmark end to end at a tiny size, on both databases. */
class SloBenchmarkIT {
  @Test
  void a_tiny_run_seeds_both_databases_and_reports_a_row_per_database_with_postgres_plans() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      SloBenchmark.main(new String[] {"--slos", "60", "--passes", "1", "--db", "all"});
    } finally {
      System.setOut(original);
    }
    String report = printed.toString(StandardCharsets.UTF_8);

    // 60 SLOs × (792 hour buckets + 420 minute buckets)
    assertThat(report.lines().filter(line -> line.startsWith("| 60 | 72,720 |"))).hasSize(2);
    assertThat(report).contains("### H2 2.3 file store").contains("### embedded PostgreSQL");
    assertThat(report).contains("60 SLOs: one SLO's buckets, read alone:");
    // which loop of the seed's cross join is outer is the planner's choice: the report says
    assertThat(report).contains("60 SLOs: slo_bucket heap order, correlation of bucket_number");
  }
}
