package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Kind;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.Specs;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sources that cannot be used become ERROR observations, never exceptions. */
class SourceFailuresIT {
  private static SourceSpec source(String url) {
    return new SourceSpec(
        "db", url, "someone", "hunter2", Map.of(), Duration.ofSeconds(30), null, 1, null, null);
  }

  private static RunResult run(SourceSpec source) {
    Spec spec =
        Specs.spec(
            source,
            Specs.table(
                "orders", "db", "orders", check("row_count", "{min: 1}"), check("schema", "{}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.systemUTC(), RunListener.NONE)) {
      return runner.run(RunRequest.ALL);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void connection_refused_is_a_connection_error_within_the_connect_timeout() throws IOException {
    long started = System.nanoTime();
    RunResult result = run(source("jdbc:postgresql://127.0.0.1:" + closedPort() + "/analytics"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(result.observations())
        .hasSize(2)
        .allSatisfy(
            observation -> {
              assertThat(observation.status()).isEqualTo(Status.ERROR);
              assertThat(observation.kind()).isEqualTo(Kind.SYSTEM);
              assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.CONNECTION);
              assertThat(observation.message())
                  .startsWith("cannot connect to source db: ")
                  .doesNotContain("hunter2")
                  .doesNotContain("\n");
            });
    // Refused at once: no waiting for the 30s connect timeout (wide margin for a loaded machine).
    assertThat(took).isLessThan(Duration.ofSeconds(15));
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void a_url_without_a_driver_on_the_class_path_is_a_driver_error() {
    Observation observation =
        run(source("jdbc:mysql://127.0.0.1:3306/analytics")).observations().get(0);
    assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.DRIVER);
    assertThat(observation.message())
        .isEqualTo(
            "no JDBC driver for jdbc:mysql: urls is on the class path; add the database's driver"
                + " jar");
  }

  @Test
  void a_url_no_dialect_speaks_is_unsupported() {
    Observation observation =
        run(source("jdbc:oracle:thin:@//db:1521/analytics")).observations().get(0);
    assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.UNSUPPORTED);
    assertThat(observation.message()).startsWith("no SQL dialect for the url of source db");
  }

  @Test
  void explain_says_when_the_catalog_cannot_be_read() throws IOException {
    Spec spec =
        Specs.spec(
            source("jdbc:postgresql://127.0.0.1:" + closedPort() + "/analytics"),
            Specs.table(
                "orders",
                "db",
                "public.orders",
                check("row_count", "{min: 1}"),
                check("missing", "{column: customer_id}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.systemUTC(), RunListener.NONE)) {
      List<DatasetPlan> plans = runner.explain(RunRequest.ALL);
      assertThat(plans).hasSize(1);
      assertThat(plans.get(0).notes().get(0)).startsWith("could not read the catalog (CONNECTION");
      assertThat(plans.get(0).queries().get(0).sql())
          .isEqualTo(
              "SELECT COUNT(*) AS m1, COUNT(*) - COUNT(\"customer_id\") AS"
                  + " m2 FROM \"public\".\"orders\" t");
    }
  }

  @Test
  void a_file_dataset_on_a_database_that_cannot_read_files_is_unsupported() {
    SourceSpec h2 =
        new SourceSpec("db", "jdbc:h2:mem:files", "sa", "", Map.of(), null, null, 1, null, null);
    Spec spec =
        Specs.spec(h2, Specs.file("logs", "db", "logs/*.parquet", check("row_count", "{}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.systemUTC(), RunListener.NONE)) {
      Observation observation = runner.run(RunRequest.ALL).observations().get(0);
      assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.UNSUPPORTED);
      assertThat(observation.message())
          .isEqualTo("h2 cannot read files; file datasets need a DuckDB source");
    }
  }
}
