package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.Faults;
import dev.nines.testing.Fixtures;
import dev.nines.testing.Specs;
import dev.nines.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same fixture and the same expectations on every database: each subclass starts one database
 * and creates the tables with {@link #createFixtures}.
 */
public abstract class CheckSuite {
  protected static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
  protected static final int ROWS = 100;

  /** 100 rows + 3 duplicates. */
  protected static final int ALL_ROWS = ROWS + Faults.typical().duplicateKeys();

  protected abstract TestDatabase db();

  protected static void createFixtures(TestDatabase db) {
    Fixtures.customersTable(db, "customers");
    Fixtures.ordersTable(db, "orders", ROWS, Faults.typical(), NOW);
    Fixtures.ordersTable(db, "clean_orders", ROWS, Faults.none(), NOW);
  }

  protected RunResult run(DatasetSpec... datasets) {
    Spec spec = Specs.spec(db().source("db"), datasets);
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      return runner.run(RunRequest.ALL);
    }
  }

  protected Observation runOne(String table, CheckSpec check) {
    RunResult result = run(Specs.table("orders", "db", table, check));
    assertThat(result.observations()).hasSize(1);
    return result.observations().get(0);
  }

  protected Observation orders(String type, String options) {
    return runOne("orders", check(type, options));
  }

  protected static Observation named(RunResult result, String check) {
    return result.observations().stream()
        .filter(observation -> observation.check().equals(check))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no observation of " + check));
  }

  // ---- freshness ----

  @Test
  void freshness_fails_when_newest_row_is_older_than_threshold() {
    Observation observation = orders("freshness", "{column: loaded_at, fail: 24h}");
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.FAIL);
    assertThat(observation.value()).isEqualTo(30 * 3600.0);
    assertThat(observation.message()).isEqualTo("newest loaded_at is 1d 6h old (fail > 1d)");
    assertThat(observation.expectation().text()).isEqualTo("age ≤ 1d");
  }

  @Test
  void freshness_warns_when_newest_row_is_between_warn_and_fail() {
    Observation observation = orders("freshness", "{column: loaded_at, warn: 12h, fail: 2d}");
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.WARN);
  }

  @Test
  void freshness_passes_when_newest_row_is_recent() {
    Observation observation =
        runOne("clean_orders", check("freshness", "{column: loaded_at, warn: 1h, fail: 2h}"));
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.PASS);
    assertThat(observation.value()).isEqualTo(300.0);
  }

  // ---- row_count ----

  @Test
  void row_count_fails_below_min_and_passes_within_bounds() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check("row_count", "{name: too_few, min: 200}"),
                check("row_count", "{name: fine, min: 50, max: 500}"),
                check("row_count", "{name: warned, min: 50, warn: {min: 150}}")));
    assertThat(named(result, "too_few").status()).isEqualTo(Status.FAIL);
    assertThat(named(result, "too_few").value()).isEqualTo(ALL_ROWS);
    assertThat(named(result, "too_few").message())
        .isEqualTo("103 rows (fail: expected rows ≥ 200)");
    assertThat(named(result, "fine").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "warned").status()).isEqualTo(Status.WARN);
    assertThat(result.measurements())
        .anySatisfy(
            measurement -> {
              assertThat(measurement.metric()).isEqualTo("row_count");
              assertThat(measurement.value()).isEqualTo(ALL_ROWS);
            });
  }

  // ---- missing ----

  @Test
  void missing_counts_null_values_against_the_tolerance() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check("missing", "{column: customer_id}"),
                check("missing", "{name: share, column: customer_id, max: '5%'}"),
                check("missing", "{name: warned, column: customer_id, max: 10, warn: {max: 2}}")));
    Observation strict = named(result, "missing_customer_id");
    assertThat(strict.status()).isEqualTo(Status.FAIL);
    assertThat(strict.value()).isEqualTo(4.0);
    assertThat(named(result, "share").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "warned").status()).isEqualTo(Status.WARN);
  }

  @Test
  void missing_counts_listed_placeholder_values_as_missing() {
    Observation observation = orders("missing", "{column: email, values: ['not-an-email', '']}");
    assertThat(observation.value()).isEqualTo(3.0);
    assertThat(observation.status()).isEqualTo(Status.FAIL);
  }

  // ---- scan sharing ----

  @Test
  void aggregate_checks_of_one_dataset_share_a_single_scan() {
    Spec spec =
        Specs.spec(
            db().source("db"),
            Specs.table(
                "orders",
                "db",
                "orders",
                check("freshness", "{column: loaded_at, fail: 2d}"),
                check("row_count", "{min: 1}"),
                check("missing", "{column: customer_id, max: 10}"),
                check("missing", "{column: email}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(result.observations())
          .extracting(o -> o.status() + " " + o.message())
          .noneMatch(text -> text.startsWith("ERROR"));
      assertThat(runner.executedQueries()).isEqualTo(1);
      List<String> sql = result.observations().get(0).queries();
      assertThat(sql).hasSize(1);
      assertThat(result.observations()).allSatisfy(o -> assertThat(o.queries()).isEqualTo(sql));
    }
  }
}
