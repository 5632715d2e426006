package dev.nines.run;

import static dev.nines.run.SuiteSupport.named;
import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nines.observation.Observation;
import dev.nines.observation.Status;
import dev.nines.testing.Specs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shared suite, part: missing, duplicate, invalid and dangling values, and column statistics.
 */
interface ColumnSuite extends SuiteSupport {
  @Test
  default void missing_counts_null_values_against_the_tolerance() {
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
    assertThat(strict.message())
        .isEqualTo("4 of 103 rows (3.88%) have no customer_id; fail above 0");
    assertThat(named(result, "share").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "warned").status()).isEqualTo(Status.WARN);
  }

  @Test
  default void missing_counts_listed_placeholder_values_as_missing() {
    Observation observation = orders("missing", "{column: email, values: ['not-an-email', '']}");
    assertThat(observation.value()).isEqualTo(3.0);
    assertThat(observation.status()).isEqualTo(Status.FAIL);
  }

  @Test
  default void duplicates_counts_extra_rows_sharing_a_key() {
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
    assertThat(named(result, "duplicates_order_id").details())
        .containsExactly("most repeated keys (order_id): 1 (2 rows); 2 (2 rows); 3 (2 rows)");
    assertThat(named(result, "duplicates_order_id_customer_id").value()).isEqualTo(3.0);
    assertThat(named(result, "duplicates_order_id_status").value()).isEqualTo(0.0);
    assertThat(named(result, "duplicates_order_id_status").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "tolerant").status()).isEqualTo(Status.PASS);
  }

  @Test
  default void valid_counts_values_breaking_each_rule() {
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
                check("valid", "{name: lenient, column: amount, min: 0, max_invalid: '10%'}"),
                check("valid", "{name: bounded, column: amount, min: 0, max: 40}")));
    assertThat(named(result, "valid_amount").value()).isEqualTo(5.0);
    // Both bounds are counted once each; the invalid rows are their sum.
    Observation bounded = named(result, "bounded");
    assertThat(bounded.details().get(0)).isEqualTo("min 0: 5 rows break it");
    assertThat(bounded.details().get(1)).matches("max 40: [1-9][0-9]* rows break it");
    double aboveMax = Double.parseDouble(bounded.details().get(1).split(" ")[2]);
    assertThat(bounded.value()).isEqualTo(5.0 + aboveMax);
    assertThat(named(result, "valid_amount").details())
        .last()
        .asString()
        .startsWith("most frequent invalid values: -1.5")
        .endsWith(" (5 rows)");
    assertThat(named(result, "valid_status").value()).isEqualTo(2.0);
    Observation email = named(result, "valid_email");
    assertThat(email.value()).isEqualTo(3.0);
    assertThat(email.details())
        .containsExactly(
            "regex ^[a-z0-9]+@[a-z]+[.]com$: 3 rows break it",
            "length 5..40: 0 rows break it",
            "most frequent invalid values: not-an-email (3 rows)");
    assertThat(named(result, "lenient").status()).isEqualTo(Status.PASS);
  }

  @Test
  default void valid_not_future_catches_timestamps_after_the_run() {
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

  @Test
  default void reference_counts_rows_pointing_to_no_parent() {
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
    assertThat(observation.details())
        .containsExactly("most frequent values not found: 999 (2 rows)");
    assertThat(observation.message())
        .isEqualTo(
            "2 of 103 rows (1.94%) have a customer_id not found in customers.customer_id; fail"
                + " above 0");
  }

  @Test
  default void metric_computes_each_statistic() {
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
}
