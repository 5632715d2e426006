package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.DuckDbTestDatabase;
import dev.nines.testing.Specs;
import dev.nines.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbChecksIT extends CheckSuite {
  @TempDir static Path directory;
  private static DuckDbTestDatabase db;

  @BeforeAll
  static void start() {
    db = new DuckDbTestDatabase(directory);
    createFixtures(db);
  }

  @Override
  public TestDatabase db() {
    return db;
  }

  @Test
  void parquet_and_csv_files_are_checked_like_tables() {
    Path parquet = directory.resolve("orders.parquet");
    Path csv = directory.resolve("orders.csv");
    db.execute(
        "COPY orders TO '" + parquet + "' (FORMAT PARQUET)",
        "COPY orders TO '" + csv + "' (HEADER, DELIMITER ',')");
    SourceSpec files =
        new SourceSpec("files", "jdbc:duckdb:", null, null, Map.of(), null, null, 2, null, null);
    Spec spec =
        Specs.spec(
            List.of(files),
            List.of(
                Specs.file(
                    "parquet_orders",
                    "files",
                    parquet.toString(),
                    check("row_count", "{min: 1}"),
                    check("freshness", "{column: loaded_at, fail: 1d}"),
                    check("duplicates", "{column: order_id}"),
                    check("schema", "{required: [amount]}")),
                Specs.file(
                    "csv_orders",
                    "files",
                    csv.toString(),
                    check("missing", "{column: customer_id}"),
                    check("valid", "{column: status, values: [new, paid, shipped]}"))));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(named(result, "row_count").value()).isEqualTo(ALL_ROWS);
      assertThat(named(result, "freshness").value()).isEqualTo(30 * 3600.0);
      assertThat(named(result, "duplicates_order_id").value()).isEqualTo(3.0);
      assertThat(named(result, "schema").status()).isEqualTo(Status.PASS);
      assertThat(named(result, "missing_customer_id").value()).isEqualTo(4.0);
      assertThat(named(result, "valid_status").value()).isEqualTo(2.0);
      assertThat(named(result, "row_count").queries().get(0)).contains("read_parquet(");
      assertThat(named(result, "missing_customer_id").queries().get(0)).contains("read_csv_auto(");
    }
  }

  @Test
  void a_missing_file_is_a_missing_table_error() {
    SourceSpec files =
        new SourceSpec("files", "jdbc:duckdb:", null, null, Map.of(), null, null, 1, null, null);
    Spec spec =
        Specs.spec(
            files,
            Specs.file(
                "ghost",
                "files",
                directory.resolve("nope.parquet").toString(),
                check("row_count", "{}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      Observation observation = runner.run(RunRequest.ALL).observations().get(0);
      assertThat(observation.errorCategory())
          .as(observation.message())
          .isEqualTo(ErrorCategory.MISSING_TABLE);
    }
  }
}
