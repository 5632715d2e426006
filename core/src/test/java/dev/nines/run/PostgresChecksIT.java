package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.PostgresTestDatabase;
import dev.nines.testing.Specs;
import dev.nines.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresChecksIT extends CheckSuite {
  private static PostgresTestDatabase db;

  @BeforeAll
  static void start() throws Exception {
    db = new PostgresTestDatabase();
    createFixtures(db);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Override
  public TestDatabase db() {
    return db;
  }

  @Test
  void a_wrong_password_is_an_authentication_error_that_never_shows_the_password() {
    SourceSpec wrong =
        new SourceSpec(
            "db", db.url(), db.user(), "not-the-password", Map.of(), null, null, 1, null, null);
    Spec spec =
        Specs.spec(wrong, Specs.table("orders", "db", "orders", check("row_count", "{min: 1}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      Observation observation = runner.run(RunRequest.ALL).observations().get(0);
      assertThat(observation.status()).isEqualTo(Status.ERROR);
      assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.AUTHENTICATION);
      assertThat(observation.message())
          .startsWith("source db refused the credentials: ")
          .contains("password authentication failed")
          .doesNotContain("not-the-password");
    }
  }

  @Test
  void connections_are_read_only_even_for_functions_that_write() {
    db.execute("CREATE SEQUENCE order_numbers");
    Observation observation =
        runOne(
            "orders", check("sql", "{name: sneaky, query: \"select nextval('order_numbers')\"}"));
    assertThat(observation.status()).isEqualTo(Status.ERROR);
    assertThat(observation.message()).contains("read-only transaction");
  }

  @Test
  void freshness_without_a_column_asks_for_one_where_the_catalog_has_no_modification_time() {
    Observation observation = orders("freshness", "{fail: 1d}");
    assertThat(observation.status()).isEqualTo(Status.ERROR);
    assertThat(observation.errorCategory()).isEqualTo(ErrorCategory.UNSUPPORTED);
    assertThat(observation.message())
        .isEqualTo(
            "postgresql does not record when a table was last modified; set column: to a"
                + " timestamp column of the dataset");
  }

  @Test
  void tables_are_found_in_other_schemas_with_or_without_qualification() {
    db.execute(
        "CREATE SCHEMA sales",
        "CREATE TABLE sales.refunds (refund_id INTEGER)",
        "INSERT INTO sales.refunds VALUES (1), (2)");
    RunResult result =
        run(
            Specs.table("qualified", "db", "sales.refunds", check("row_count", "{min: 1}")),
            Specs.table("unqualified", "db", "REFUNDS", check("row_count", "{min: 1}")));
    assertThat(result.observations()).extracting(Observation::value).containsExactly(2.0, 2.0);
    assertThat(result.observations().get(1).queries().get(0))
        .endsWith("FROM \"sales\".\"refunds\" t");
  }

  @Test
  void timestamps_with_time_zone_are_compared_as_instants() {
    db.execute(
        "CREATE TABLE tz_events (happened_at TIMESTAMP WITH TIME ZONE)",
        "INSERT INTO tz_events VALUES ('2026-01-15 11:00:00+00'), ('2026-01-15 13:30:00+02')");
    RunResult result =
        run(
            Specs.table(
                "tz_events",
                "db",
                "tz_events",
                check("freshness", "{column: happened_at, fail: 2h}"),
                check("valid", "{column: happened_at, not_future: true}")));
    // 13:30+02 is 11:30 UTC: half an hour before the run, not in its future.
    assertThat(named(result, "freshness").value()).isEqualTo(1800.0);
    assertThat(named(result, "valid_happened_at").value()).isEqualTo(0.0);
  }

  @Test
  void datasets_of_one_source_run_in_parallel_up_to_its_max_connections() {
    // each dataset sleeps 3s: together about 3s in parallel, at least 6s one after the other
    assertThat(timeToRunTwoSlowDatasets(2)).isLessThan(Duration.ofMillis(5500));
    assertThat(timeToRunTwoSlowDatasets(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
  }

  private Duration timeToRunTwoSlowDatasets(int maxConnections) {
    SourceSpec source =
        new SourceSpec(
            "db",
            db.url(),
            db.user(),
            db.password(),
            Map.of(),
            null,
            null,
            maxConnections,
            null,
            null);
    var slow = check("sql", "{name: slow, query: 'select 1 from pg_sleep(3)'}");
    Spec spec =
        Specs.spec(
            source,
            Specs.table("first", "db", "orders", slow),
            Specs.table("second", "db", "orders", slow));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      long started = System.nanoTime();
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(result.observations()).extracting(Observation::value).containsExactly(1.0, 1.0);
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }
}
