package dev.nines.run;

import static dev.nines.run.SuiteSupport.named;
import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nines.dialect.Dialects;
import dev.nines.dialect.HolisticPlacement;
import dev.nines.observation.ErrorCategory;
import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.source.SourcePool;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.Specs;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared suite, part: custom SQL, datasets and filters, scan sharing, timeouts, errors and
 * explain.
 */
interface EngineSuite extends SuiteSupport {
  @Test
  default void pooled_connections_refuse_writes() throws Exception {
    assumeTrue(!db().name().equals("h2"), "H2 treats read-only as a hint only");
    SourceSpec source = db().source("db");
    try (SourcePool pool =
            new SourcePool(source, Dialects.builtIn().forUrl(source.url()).orElseThrow());
        Connection connection = pool.connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("INSERT INTO customers VALUES (99, 'intruder')"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  default void sort_based_scans_on_a_second_connection_give_what_one_connection_gives() {
    DatasetSpec dataset =
        Specs.table(
            "orders",
            "db",
            "orders",
            check("row_count", "{min: 1}"),
            check("duplicates", "{column: order_id}"),
            check("metric", "{column: status, stat: distinct_count, min: 1}"),
            check("metric", "{column: amount, stat: percentile, percentile: 0.5, min: 0}"),
            check("metric", "{column: amount, stat: avg, min: 0}"),
            check("valid", "{column: amount, min: 0}"));
    SourceSpec two = db().source("db");
    SourceSpec one =
        new SourceSpec(
            two.name(),
            two.url(),
            two.user(),
            two.password(),
            two.properties(),
            two.connectTimeout(),
            two.queryTimeout(),
            1,
            two.timezone(),
            two.location());
    List<String> withTwo = summary(Specs.spec(two, dataset));
    assertThat(withTwo).noneMatch(line -> line.contains("ERROR"));
    assertThat(withTwo).isEqualTo(summary(Specs.spec(one, dataset)));
  }

  private static List<String> summary(Spec spec) {
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      return runner.run(RunRequest.ALL).observations().stream()
          .map(
              o ->
                  o.check()
                      + " "
                      + o.status()
                      + " "
                      + o.value()
                      + " "
                      + o.message()
                      + " "
                      + o.details()
                      + " "
                      + o.queries())
          .toList();
    }
  }

  @Test
  default void duplicates_of_keys_the_catalog_proves_unique_are_answered_without_a_query() {
    Spec spec =
        Specs.spec(
            db().source("db"),
            Specs.table(
                "keyed",
                "db",
                "keyed",
                check("duplicates", "{column: id}"),
                check("duplicates", "{column: code}"),
                check("duplicates", "{columns: [seq, part]}"),
                check("duplicates", "{columns: [loose, id]}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(result.observations())
          .extracting(o -> o.check() + " " + o.status() + " " + o.value())
          .containsExactly(
              "duplicates_id PASS 0.0",
              "duplicates_code PASS 0.0",
              "duplicates_seq_part PASS 0.0",
              "duplicates_loose_id PASS 0.0");
      assertThat(named(result, "duplicates_id").message())
          .isEqualTo("no row repeats a key (id): the catalog guarantees it unique (primary key)");
      assertThat(named(result, "duplicates_code").message()).contains("the catalog guarantees");
      assertThat(named(result, "duplicates_seq_part").message()).contains("the catalog guarantees");
      assertThat(runner.executedQueries()).isZero();
    }
  }

  @Test
  default void duplicates_of_a_column_without_a_unique_key_are_counted() {
    Observation loose =
        run(Specs.table("keyed", "db", "keyed", check("duplicates", "{columns: [loose]}")))
            .observations()
            .get(0);
    assertThat(loose.value()).isEqualTo(2.0);
    assertThat(loose.status()).isEqualTo(Status.FAIL);
    assertThat(loose.queries()).isNotEmpty();
  }

  @Test
  default void aggregate_checks_of_one_dataset_share_a_single_scan() {
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
                check("missing", "{column: email}"),
                check("volume_change", "{max_drop: 50%}"),
                check(
                    "valid",
                    "{column: status, values: [new, paid, shipped], length: {max: 10},"
                        + " max_invalid: 5}"),
                check("metric", "{column: amount, stat: avg, min: 0}"),
                check("metric", "{column: amount, stat: max}"),
                check("schema", "{}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(result.observations())
          .extracting(o -> o.status() + " " + o.message())
          .noneMatch(text -> text.startsWith("ERROR"));
      assertThat(runner.executedQueries()).isEqualTo(1);
      List<String> sql = result.observations().get(0).queries();
      assertThat(sql).hasSize(1);
      assertThat(result.observations())
          .filteredOn(o -> !o.checkType().equals("schema"))
          .hasSize(8)
          .allSatisfy(o -> assertThat(o.queries()).isEqualTo(sql));
    }
  }

  @Test
  default void distinct_counts_join_the_scan_or_run_apart_as_the_dialect_measured_fastest() {
    Spec spec =
        Specs.spec(
            db().source("db"),
            Specs.table(
                "orders",
                "db",
                "orders",
                check("row_count", "{min: 1}"),
                check("duplicates", "{column: order_id, max: 5}"),
                check("metric", "{column: order_id, stat: distinct_count, min: 1}"),
                check("metric", "{column: status, stat: distinct_count, min: 1}")));
    HolisticPlacement placement =
        Dialects.builtIn().forUrl(db().source("db").url()).orElseThrow().holisticPlacement();
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      RunResult result = runner.run(RunRequest.ALL);
      assertThat(result.observations())
          .extracting(o -> o.status() + " " + o.message())
          .noneMatch(text -> text.startsWith("ERROR"));
      // The two distinct counts of order_id are one expression, computed once in every placement.
      int expected =
          switch (placement) {
            case SHARED_SCAN -> 1;
            case ONE_EXTRA_QUERY -> 2;
            case QUERY_EACH -> 3;
          };
      assertThat(runner.executedQueries()).isEqualTo(expected);
      assertThat(named(result, "row_count").queries()).hasSize(1);
      assertThat(named(result, "duplicates_order_id").queries())
          .hasSize(placement == HolisticPlacement.SHARED_SCAN ? 1 : 2)
          .contains(named(result, "row_count").queries().get(0));
      assertThat(named(result, "distinct_count_order_id").queries())
          .hasSize(1)
          .isSubsetOf(named(result, "duplicates_order_id").queries());
      assertThat(named(result, "distinct_count_order_id").value())
          .isEqualTo(
              named(result, "row_count").value() - named(result, "duplicates_order_id").value());
    }
  }

  @Test
  default void sql_compares_a_number_or_counts_failing_rows() {
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
    assertThat(named(result, "negative_amounts").message())
        .isEqualTo("negative_amounts = 5 (fail: expected negative_amounts ≤ 0)");
    assertThat(named(result, "lost_orders").value()).isEqualTo(2.0);
    assertThat(named(result, "lost_orders").message())
        .isEqualTo("2 failing rows (fail: expected failing rows ≤ 0)");
    Observation broken = named(result, "broken");
    assertThat(broken.status()).isEqualTo(Status.ERROR);
    assertThat(broken.kind()).isEqualTo(dev.nines.observation.Kind.SYSTEM);
    assertThat(broken.errorCategory()).isIn(ErrorCategory.MISSING_COLUMN, ErrorCategory.SQL);
  }

  @Test
  default void query_datasets_and_where_filters_narrow_what_is_checked() {
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
  default void a_missing_column_errors_only_its_own_check() {
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
  default void a_missing_table_errors_every_check_of_the_dataset() {
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
  default void a_query_past_its_timeout_is_an_error_of_category_timeout() {
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
    // the slow queries run for 20s or far longer: stopping well before that proves the timeout
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  default void a_failing_shared_scan_is_retried_so_only_the_culprit_errors() {
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
  default void explain_shows_the_shared_scan_without_running_it() {
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
      assertThat(plan.queries()).hasSize(3);
      assertThat(plan.queries().get(2).purpose())
          .isEqualTo("most repeated keys (order_id, status) (only when it warns or fails)");
      assertThat(plan.queries().get(0).purpose()).isEqualTo("shared scan");
      assertThat(plan.queries().get(0).checks())
          .containsExactly("row_count", "missing_email", "duplicates_order_id_status");
      assertThat(plan.queries().get(0).sql())
          .startsWith("SELECT COUNT(*) AS m1, COUNT(*) - COUNT(");
      assertThat(plan.queries().get(1).sql()).contains("GROUP BY");
    }
  }

  @Test
  default void a_broken_dataset_filter_errors_its_checks_with_the_databases_reason() {
    RunResult result =
        run(
            Specs.where(
                Specs.table(
                    "orders",
                    "db",
                    "orders",
                    check("row_count", "{min: 1}"),
                    check("missing", "{column: email}")),
                "no_such_column > 1"));
    assertThat(result.observations())
        .hasSize(2)
        .allSatisfy(
            o -> {
              assertThat(o.status()).isEqualTo(Status.ERROR);
              assertThat(o.errorCategory()).isIn(ErrorCategory.SQL, ErrorCategory.MISSING_COLUMN);
              assertThat(o.message().toLowerCase(java.util.Locale.ROOT)).contains("no_such_column");
            });
  }
}
