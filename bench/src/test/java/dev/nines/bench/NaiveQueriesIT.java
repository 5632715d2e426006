package dev.nines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated table holds the data the checks expect, and the naive queries measure it. */
class NaiveQueriesIT {
  private static final long ROWS = 10_000;

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("postgres", (Supplier<BenchDatabase>) PostgresBench::start),
        Arguments.of("duckdb", (Supplier<BenchDatabase>) DuckDbBench::start));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void naive_queries_measure_the_generated_table(String name, Supplier<BenchDatabase> start)
      throws Exception {
    try (BenchDatabase database = start.get();
        Connection connection = database.connect()) {
      OrdersTable.create(database, connection, ROWS);
      List<BenchCheck> checks = BenchChecks.all(database);

      Map<String, Double> values =
          ScanSharingBenchmark.naive(connection, checks).stream()
              .collect(
                  Collectors.toMap(
                      BenchResult.NaiveTiming::check, timing -> number(timing.value())));

      assertThat(checks).hasSize(40);
      assertThat(values).hasSize(40);
      assertThat(values.get("row_count")).isEqualTo(ROWS);
      assertThat(values.get("missing_customer_id")).isEqualTo(0.01);
      assertThat(values.get("missing_channel")).isEqualTo(0.02);
      // every 40th email is null (250), every 333rd is empty (30; none is also a 40th below 13320)
      assertThat(values.get("missing_email")).isCloseTo(0.028, within());
      assertThat(values.get("missing_amount")).isZero();
      assertThat(values.get("duplicates_id")).isZero();
      assertThat(values.get("duplicates_sku")).isZero();
      assertThat(values.get("valid_sku")).isZero();
      assertThat(values.get("valid_country")).isZero();
      assertThat(values.get("valid_order_ts")).isZero();
      assertThat(values.get("valid_email")).isCloseTo(0.003, within());
      assertThat(values.get("distinct_count_status")).isEqualTo(6);
      assertThat(values.get("min_amount")).isGreaterThanOrEqualTo(0).isLessThan(10);
      assertThat(values.get("max_amount")).isGreaterThan(9_900).isLessThan(10_000);
      assertThat(values.get("p95_amount")).isBetween(9_000.0, 10_000.0);
      assertThat(values.get("max_weight_kg")).isLessThanOrEqualTo(50.1);
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static double number(Object value) {
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).doubleValue();
    }
    if (value instanceof java.sql.Timestamp || value instanceof java.time.temporal.Temporal) {
      return 0;
    }
    return value == null ? Double.NaN : Double.parseDouble(value.toString());
  }
}
