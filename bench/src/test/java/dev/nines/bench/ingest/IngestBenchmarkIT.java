package dev.nines.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small run of the ingestion benchmark on both stores, so it keeps compiling and working. */
class IngestBenchmarkIT {
  @Test
  void a_small_run_measures_single_and_batch_posts_next_to_the_baseline_on_both_stores() {
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    IngestOptions options =
        IngestOptions.parse(new String[] {"--events", "200", "--clients", "4", "--db", "all"});

    List<IngestRow> rows =
        new IngestBenchmark(options, new PrintStream(report, true, StandardCharsets.UTF_8)).run();

    assertThat(rows).extracting(IngestRow::db).containsExactly("h2", "h2", "postgres", "postgres");
    for (IngestRow row : rows) {
      assertThat(row.nines().events()).isEqualTo(200);
      assertThat(row.nines().eventsPerSecond()).isPositive();
      assertThat(row.baseline().eventsPerSecond()).isPositive();
      assertThat(row.nines().percentileMillis(0.99))
          .isGreaterThanOrEqualTo(row.nines().percentileMillis(0.50));
    }
    assertThat(report.toString(StandardCharsets.UTF_8))
        .contains("verified: 800 events stored")
        .contains("| postgres | 100 events per batch POST | 4 | 200 |");
  }
}
