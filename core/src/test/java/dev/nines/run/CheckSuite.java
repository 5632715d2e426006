package dev.nines.run;

import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nines.observation.ColumnInfo;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.spec.CheckSpec;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.Faults;
import dev.nines.testing.Fixtures;
import dev.nines.testing.Specs;
import dev.nines.testing.TestDatabase;
import dev.nines.testing.TestHistory;
import java.time.Clock;
import java.time.Duration;
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
    Fixtures.numbersTable(db, "numbers", 10);
  }

  protected RunResult run(DatasetSpec... datasets) {
    return run(History.EMPTY, NOW, datasets);
  }

  protected RunResult run(History history, Instant now, DatasetSpec... datasets) {
    Spec spec = Specs.spec(db().source("db"), datasets);
    try (CheckRunner runner =
        new CheckRunner(spec, history, Clock.fixed(now, ZoneOffset.UTC), RunListener.NONE)) {
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

  // ---- volume_change ----

  @Test
  void volume_change_passes_on_the_first_measurement_and_stores_the_row_count() {
    RunResult result =
        run(Specs.table("orders", "db", "orders", check("volume_change", "{max_drop: 30%}")));
    Observation observation = result.observations().get(0);
    assertThat(observation.status()).isEqualTo(Status.PASS);
    assertThat(observation.message()).isEqualTo("first measurement: 103 rows");
    assertThat(result.measurements())
        .extracting(Measurement::metric, Measurement::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("row_count", (double) ALL_ROWS));
  }

  @Test
  void volume_change_fails_when_rows_grew_more_than_allowed_since_the_last_run() {
    TestHistory history =
        new TestHistory()
            .with(
                new Measurement(
                    "orders", "volume_change", "row_count", 80, NOW.minus(Duration.ofDays(1))));
    DatasetSpec dataset =
        Specs.table(
            "orders",
            "db",
            "orders",
            check("volume_change", "{max_drop: 30%, max_growth: 20%}"),
            check("volume_change", "{name: lenient, max_growth: 50%}"));
    RunResult result = run(history, NOW, dataset);
    Observation strict = named(result, "volume_change");
    assertThat(strict.status()).isEqualTo(Status.FAIL);
    assertThat(strict.value()).isCloseTo(23.0 / 80, within(1e-9));
    assertThat(strict.message()).isEqualTo("rows grew 28.75% from 80 to 103 (fail: growth > 20%)");
    assertThat(named(result, "lenient").status()).isEqualTo(Status.PASS);
  }

  // ---- schema ----

  @Test
  void schema_keeps_a_first_snapshot_and_passes() {
    RunResult result = run(Specs.table("orders", "db", "orders", check("schema", "{}")));
    Observation observation = result.observations().get(0);
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.PASS);
    assertThat(observation.message()).isEqualTo("first snapshot: 6 columns");
    assertThat(result.schemas()).hasSize(1);
    assertThat(result.schemas().get(0).columns())
        .extracting(c -> c.name().toLowerCase(java.util.Locale.ROOT))
        .containsExactly("order_id", "customer_id", "amount", "status", "email", "loaded_at");
  }

  @Test
  void schema_fails_on_a_removed_column_and_warns_on_an_added_one() {
    RunResult first = run(Specs.table("orders", "db", "orders", check("schema", "{}")));
    SchemaSnapshot seen = first.schemas().get(0);
    List<ColumnInfo> withLegacy = new java.util.ArrayList<>(seen.columns());
    withLegacy.add(new ColumnInfo("legacy_code", "INTEGER", java.sql.Types.INTEGER, 7, true));
    TestHistory removed =
        new TestHistory()
            .with(new SchemaSnapshot("orders", withLegacy, NOW.minus(Duration.ofDays(1))));
    Observation failed =
        run(removed, NOW, Specs.table("orders", "db", "orders", check("schema", "{}")))
            .observations()
            .get(0);
    assertThat(failed.status()).isEqualTo(Status.FAIL);
    assertThat(failed.message()).isEqualTo("column legacy_code was removed");

    TestHistory added =
        new TestHistory()
            .with(
                new SchemaSnapshot(
                    "orders", seen.columns().subList(0, 5), NOW.minus(Duration.ofDays(1))));
    Observation warned =
        run(added, NOW, Specs.table("orders", "db", "orders", check("schema", "{}")))
            .observations()
            .get(0);
    assertThat(warned.status()).isEqualTo(Status.WARN);
    assertThat(warned.message())
        .startsWith("column " + seen.columns().get(5).name() + " was added");
  }

  @Test
  void schema_fails_when_a_required_column_is_missing() {
    Observation observation =
        orders("schema", "{required: [order_id, refund_id], forbidden: [ssn]}");
    assertThat(observation.status()).isEqualTo(Status.FAIL);
    assertThat(observation.message()).isEqualTo("required column refund_id is missing");
  }

  // ---- duplicates ----

  @Test
  void duplicates_counts_extra_rows_sharing_a_key() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check("duplicates", "{column: order_id}"),
                check("duplicates", "{columns: [order_id, customer_id]}"),
                check("duplicates", "{columns: [order_id, status]}"),
                check("duplicates", "{name: tolerant, columns: [order_id], max: 5}")));
    assertThat(named(result, "duplicates_order_id").value()).isEqualTo(3.0);
    assertThat(named(result, "duplicates_order_id").status()).isEqualTo(Status.FAIL);
    assertThat(named(result, "duplicates_order_id_customer_id").value()).isEqualTo(3.0);
    assertThat(named(result, "duplicates_order_id_status").value()).isEqualTo(0.0);
    assertThat(named(result, "duplicates_order_id_status").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "tolerant").status()).isEqualTo(Status.PASS);
  }

  // ---- valid ----

  @Test
  void valid_counts_values_breaking_each_rule() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check("valid", "{column: amount, min: 0}"),
                check("valid", "{column: status, values: [new, paid, shipped]}"),
                check(
                    "valid",
                    "{column: email, regex: '^[a-z0-9]+@[a-z]+[.]com$', length: {min: 5, max: 40}}"),
                check("valid", "{name: lenient, column: amount, min: 0, max_invalid: '10%'}")));
    assertThat(named(result, "valid_amount").value()).isEqualTo(5.0);
    assertThat(named(result, "valid_status").value()).isEqualTo(2.0);
    Observation email = named(result, "valid_email");
    assertThat(email.value()).isEqualTo(3.0);
    assertThat(email.details())
        .containsExactly(
            "regex ^[a-z0-9]+@[a-z]+[.]com$: 3 rows break it",
            "length {\"min\":5,\"max\":40}: 0 rows break it");
    assertThat(named(result, "lenient").status()).isEqualTo(Status.PASS);
  }

  @Test
  void valid_not_future_catches_timestamps_after_the_run() {
    Observation observation =
        run(
                History.EMPTY,
                NOW.minus(Duration.ofHours(1)),
                Specs.table(
                    "orders",
                    "db",
                    "clean_orders",
                    check("valid", "{column: loaded_at, not_future: true}")))
            .observations()
            .get(0);
    assertThat(observation.value()).as(observation.message()).isEqualTo(55.0);
  }

  // ---- reference ----

  @Test
  void reference_counts_rows_pointing_to_no_parent() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check(
                    "reference",
                    "{column: customer_id, references: {dataset: customers, column: customer_id}}")),
            Specs.table("customers", "db", "customers"));
    Observation observation = named(result, "reference_customer_id");
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.FAIL);
    assertThat(observation.value()).isEqualTo(2.0);
    assertThat(observation.message())
        .isEqualTo(
            "2 of 103 rows have a customer_id not found in customers.customer_id (1.942%); fail"
                + " above 0");
  }

  // ---- metric ----

  @Test
  void metric_computes_each_statistic() {
    RunResult result =
        run(
            Specs.table(
                "numbers",
                "db",
                "numbers",
                check("metric", "{column: x, stat: avg, min: 5, max: 6}"),
                check("metric", "{column: x, stat: min}"),
                check("metric", "{column: x, stat: max, max: 9}"),
                check("metric", "{column: x, stat: sum}"),
                check("metric", "{column: x, stat: stddev}"),
                check("metric", "{column: x, stat: distinct_count}"),
                check("metric", "{column: x, stat: percentile, percentile: 0.5}"),
                check("metric", "{column: x, stat: percentile, percentile: 0.9, warn: {max: 9}}")));
    assertThat(named(result, "avg_x").value()).isEqualTo(5.5);
    assertThat(named(result, "avg_x").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "min_x").value()).isEqualTo(1.0);
    assertThat(named(result, "max_x").value()).isEqualTo(10.0);
    assertThat(named(result, "max_x").status()).isEqualTo(Status.FAIL);
    assertThat(named(result, "sum_x").value()).isEqualTo(55.0);
    assertThat(named(result, "stddev_x").value()).isCloseTo(3.0276503540974917, within(1e-9));
    assertThat(named(result, "distinct_count_x").value()).isEqualTo(10.0);
    assertThat(named(result, "p50_x").value()).isCloseTo(5.5, within(1e-9));
    assertThat(named(result, "p90_x").value()).isCloseTo(9.1, within(1e-9));
    assertThat(named(result, "p90_x").status()).isEqualTo(Status.WARN);
  }

  // ---- sql ----

  @Test
  void sql_compares_a_number_or_counts_failing_rows() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check(
                    "sql",
                    "{name: negative_amounts, query: 'select count(*) from orders where amount < 0',"
                        + " max: 0}"),
                check(
                    "sql",
                    "{name: lost_orders, failing_rows: \"select * from orders where status ="
                        + " 'lost'\"}"),
                check("sql", "{name: broken, query: 'select no_such_column from orders'}")));
    assertThat(named(result, "negative_amounts").value()).isEqualTo(5.0);
    assertThat(named(result, "negative_amounts").status()).isEqualTo(Status.FAIL);
    assertThat(named(result, "lost_orders").value()).isEqualTo(2.0);
    assertThat(named(result, "lost_orders").message())
        .isEqualTo("2 failing rows (fail: expected failing rows ≤ 0)");
    Observation broken = named(result, "broken");
    assertThat(broken.status()).isEqualTo(Status.ERROR);
    assertThat(broken.kind()).isEqualTo(dev.nines.observation.Kind.SYSTEM);
    assertThat(broken.errorCategory()).isIn(ErrorCategory.MISSING_COLUMN, ErrorCategory.SQL);
  }

  // ---- datasets, filters and errors ----

  @Test
  void query_datasets_and_where_filters_narrow_what_is_checked() {
    RunResult result =
        run(
            Specs.query(
                "first_orders",
                "db",
                "select * from orders where order_id <= 10",
                check("row_count", "{min: 1}")),
            Specs.where(
                Specs.table("early", "db", "orders", check("missing", "{column: customer_id}")),
                "order_id <= 10"),
            Specs.table(
                "filtered", "db", "orders", check("row_count", "{where: \"status = 'lost'\"}")));
    assertThat(named(result, "row_count").value()).isIn(13.0, 2.0);
    assertThat(
            result.observations().stream()
                .filter(o -> o.dataset().equals("first_orders"))
                .findFirst()
                .orElseThrow()
                .value())
        .isEqualTo(13.0);
    assertThat(
            result.observations().stream()
                .filter(o -> o.dataset().equals("early"))
                .findFirst()
                .orElseThrow()
                .status())
        .isEqualTo(Status.PASS);
    assertThat(
            result.observations().stream()
                .filter(o -> o.dataset().equals("filtered"))
                .findFirst()
                .orElseThrow()
                .value())
        .isEqualTo(2.0);
  }

  @Test
  void a_missing_column_errors_only_its_own_check() {
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check("row_count", "{min: 1}"),
                check("missing", "{column: no_such_column}"),
                check("valid", "{column: amount, min: 0}")));
    Observation missing = named(result, "missing_no_such_column");
    assertThat(missing.status()).isEqualTo(Status.ERROR);
    assertThat(missing.errorCategory()).isEqualTo(ErrorCategory.MISSING_COLUMN);
    assertThat(missing.message()).startsWith("column no_such_column does not exist in table");
    assertThat(named(result, "row_count").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "valid_amount").status()).isEqualTo(Status.FAIL);
  }

  @Test
  void a_missing_table_errors_every_check_of_the_dataset() {
    RunResult result =
        run(
            Specs.table(
                "ghost",
                "db",
                "no_such_table",
                check("row_count", "{min: 1}"),
                check("schema", "{}")));
    assertThat(result.observations())
        .hasSize(2)
        .allSatisfy(
            o -> {
              assertThat(o.status()).isEqualTo(Status.ERROR);
              assertThat(o.errorCategory()).isEqualTo(ErrorCategory.MISSING_TABLE);
            });
    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void a_query_past_its_timeout_is_an_error_of_category_timeout() {
    long started = System.nanoTime();
    RunResult result =
        run(
            Specs.table(
                "orders",
                "db",
                "orders",
                check("sql", "{name: slow, timeout: 1s, query: \"" + db().slowQuery() + "\"}")));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Observation slow = result.observations().get(0);
    assertThat(slow.status()).as(slow.message()).isEqualTo(Status.ERROR);
    assertThat(slow.errorCategory()).isEqualTo(ErrorCategory.TIMEOUT);
    assertThat(slow.message()).isEqualTo("query ran longer than its timeout of 1s");
    assertThat(took).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void a_failing_shared_scan_is_retried_so_only_the_culprit_errors() {
    assumeTrue(db().strictTypes(), "this database converts text to numbers silently");
    Spec spec =
        Specs.spec(
            db().source("db"),
            Specs.table(
                "orders",
                "db",
                "orders",
                check("row_count", "{min: 1}"),
                check("valid", "{column: amount, min: not-a-number}"),
                check("missing", "{column: email}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(named(result, "valid_amount").status()).isEqualTo(Status.ERROR);
      assertThat(named(result, "row_count").status()).isEqualTo(Status.PASS);
      assertThat(named(result, "missing_email").status()).isEqualTo(Status.PASS);
      assertThat(runner.executedQueries()).isEqualTo(4);
    }
  }

  @Test
  void explain_shows_the_shared_scan_without_running_it() {
    Spec spec =
        Specs.spec(
            db().source("db"),
            Specs.table(
                "orders",
                "db",
                "orders",
                check("row_count", "{min: 1}"),
                check("missing", "{column: email}"),
                check("duplicates", "{columns: [order_id, status]}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      List<DatasetPlan> plans = runner.explain(RunRequest.ALL);
      assertThat(runner.executedQueries()).isZero();
      assertThat(plans).hasSize(1);
      DatasetPlan plan = plans.get(0);
      assertThat(plan.queries()).hasSize(2);
      assertThat(plan.queries().get(0).purpose()).isEqualTo("shared scan");
      assertThat(plan.queries().get(0).checks())
          .containsExactly("row_count", "missing_email", "duplicates_order_id_status");
      assertThat(plan.queries().get(0).sql()).startsWith("SELECT COUNT(*) AS m1, SUM(CASE WHEN");
      assertThat(plan.queries().get(1).sql()).contains("GROUP BY");
    }
  }
}
