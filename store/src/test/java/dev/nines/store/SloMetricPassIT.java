package dev.nines.store;

import static dev.nines.store.StoreFixtures.measured;
import static dev.nines.store.StoreFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.check.CheckTypes;
import dev.nines.observation.Measurement;
import dev.nines.slo.Interval;
import dev.nines.slo.SloStatus;
import dev.nines.slo.Tally;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.StoreSpec;
import dev.nines.store.slo.SloPass;
import dev.nines.store.slo.SloResult;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Metric and ratio SLIs fed from stored measurements, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class SloMetricPassIT {
  static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  static final String SPEC =
      """
      sources:
        warehouse: { url: "jdbc:postgresql://db/x" }
      datasets:
        orders: { source: warehouse, table: orders }
        api: { source: warehouse, table: api }
        api_log: { source: warehouse, table: api_log }
      slos:
        orders_rows:
          sli: { metric: { dataset: orders, metric: row_count }, good: { min: 10, max: 1000 } }
          objective: 99%
          window: 30d
        orders_rows_ignoring_gaps:
          sli: { metric: { dataset: orders, metric: row_count }, good: { min: 10 } }
          objective: 99%
          window: 30d
          no_data: ignore
        api_success:
          sli:
            ratio:
              good: { dataset: api, metric: ok }
              total: { dataset: api_log, metric: requests }
          objective: 99%
          window: 30d
      """;

  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  StoreSpec storeSpec;
  NinesStore store;
  Spec spec;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() throws Exception {
    storeSpec = database.freshStore(folder);
    store = NinesStore.open(storeSpec);
    Path file = folder.resolve("nines.yml");
    Files.writeString(file, SPEC);
    spec = SpecLoader.load(List.of(file), Map.of(), CheckTypes.builtIn());
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** One measurement a minute for {@code minutes} from {@code from}, valued by minute. */
  void saveMinutes(
      String dataset, String metric, Instant from, int minutes, IntToDoubleFunction value) {
    List<Measurement> measurements = new ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      measurements.add(
          measured(
              dataset,
              metric,
              metric,
              value.applyAsDouble(minute),
              from.plus(Duration.ofMinutes(minute))));
    }
    store.save(run(from, List.of(), measurements, List.of()), List.of());
  }

  static SloStatus statusOf(List<SloResult> results, String name) {
    SloResult result =
        results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    assertThat(result.problem()).isEmpty();
    return result.status().orElseThrow();
  }

  long sql(String query) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(storeSpec.url(), storeSpec.user(), storeSpec.password());
        Statement statement = connection.createStatement()) {
      if (!query.startsWith("SELECT")) {
        return statement.executeUpdate(query);
      }
      try (ResultSet rows = statement.executeQuery(query)) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void metric_slo_counts_each_measurement_within_bounds_as_good() {
    // 200 minutes; minutes 0 and 50 too low (5), 100 and 150 too high (5000): 4 bad of 200
    saveMinutes(
        "orders",
        "row_count",
        T0.minus(Duration.ofMinutes(200)),
        200,
        minute -> minute % 50 != 0 ? 500 : minute < 100 ? 5 : 5000);
    // another metric of the dataset is not this SLI's
    saveMinutes("orders", "null_count", T0.minus(Duration.ofMinutes(10)), 10, minute -> 0);

    SloStatus status = statusOf(new SloPass(store).run(spec.slos(), T0), "orders_rows");

    assertThat(status.tally()).isEqualTo(new Tally(196, 4, 0));
    // 196 of 200: 98%; budget 1% of 200 = 2 events, 4 spent
    assertThat(status.sli()).contains(new BigDecimal("0.98"));
    assertThat(status.budget().total()).isEqualByComparingTo("2");
    assertThat(status.budget().spent()).isEqualByComparingTo("4");
    assertThat(status.met()).isFalse();
  }

  @Test
  void ratio_slo_divides_summed_good_by_summed_total_across_two_datasets() {
    Instant from = T0.minus(Duration.ofMinutes(10));
    // 100 requests a minute for 10 minutes; 99 ok, but 90 in minutes 3 and 7
    saveMinutes("api_log", "requests", from, 10, minute -> 100);
    saveMinutes("api", "ok", from, 10, minute -> minute == 3 || minute == 7 ? 90 : 99);

    SloStatus status = statusOf(new SloPass(store).run(spec.slos(), T0), "api_success");

    // good 8 × 99 + 2 × 90 = 972 of 1000: bad 28; budget 1% of 1000 = 10, spent 28
    assertThat(status.tally()).isEqualTo(new Tally(972, 28, 0));
    assertThat(status.sli()).contains(new BigDecimal("0.972"));
    assertThat(status.budget().total()).isEqualByComparingTo("10");
    assertThat(status.budget().spent()).isEqualByComparingTo("28");
    SloResult past = store.slos().status(spec.slos().get("api_success"), new Interval(from, T0));
    assertThat(past.status().orElseThrow().tally()).isEqualTo(new Tally(972, 28, 0));
  }

  @Test
  void a_second_pass_reads_only_measurements_stored_since_the_first() throws Exception {
    SloPass pass = new SloPass(store);
    pass.run(spec.slos(), T0.minus(Duration.ofHours(3)));
    saveMinutes("orders", "row_count", T0.minus(Duration.ofMinutes(120)), 60, m -> m < 3 ? 1 : 50);
    saveMinutes("api_log", "requests", T0.minus(Duration.ofMinutes(120)), 60, m -> 10);
    saveMinutes("api", "ok", T0.minus(Duration.ofMinutes(120)), 60, m -> m < 5 ? 0 : 10);
    pass.run(spec.slos(), T0.minus(Duration.ofMinutes(60)));
    long folded = sql("SELECT last_position FROM work_cursor WHERE name = 'slo_measurements'");
    assertThat(folded).isEqualTo(sql("SELECT MAX(id) FROM measurement"));
    // what was folded in is gone from the table: only the buckets remember it
    sql("DELETE FROM measurement WHERE id <= " + folded);
    saveMinutes("orders", "row_count", T0.minus(Duration.ofMinutes(60)), 60, m -> m < 2 ? 1 : 50);
    saveMinutes("api_log", "requests", T0.minus(Duration.ofMinutes(60)), 60, m -> 10);
    saveMinutes("api", "ok", T0.minus(Duration.ofMinutes(60)), 60, m -> 10);

    List<SloResult> warm = pass.run(spec.slos(), T0);
    List<SloResult> again = pass.run(spec.slos(), T0);
    List<SloResult> cold = new SloPass(store).run(spec.slos(), T0);

    assertThat(statusOf(warm, "orders_rows").tally()).isEqualTo(new Tally(115, 5, 0));
    assertThat(statusOf(warm, "api_success").tally()).isEqualTo(new Tally(1150, 50, 0));
    for (String slo : List.of("orders_rows", "api_success")) {
      assertThat(statusOf(again, slo).tally()).isEqualTo(statusOf(warm, slo).tally());
      assertThat(statusOf(cold, slo).tally()).isEqualTo(statusOf(warm, slo).tally());
    }
  }

  @Test
  void a_measurement_without_a_value_counts_as_no_data_says() {
    // 10 minutes, minutes 2 and 5 NaN (the metric could not be computed)
    saveMinutes(
        "orders",
        "row_count",
        T0.minus(Duration.ofMinutes(10)),
        10,
        minute -> minute == 2 || minute == 5 ? Double.NaN : 500);

    List<SloResult> results = new SloPass(store).run(spec.slos(), T0);

    assertThat(statusOf(results, "orders_rows").tally()).isEqualTo(new Tally(8, 2, 0));
    assertThat(statusOf(results, "orders_rows_ignoring_gaps").tally())
        .isEqualTo(new Tally(8, 0, 0));
    assertThat(statusOf(results, "orders_rows_ignoring_gaps").sli()).contains(BigDecimal.ONE);
  }

  @Test
  void a_metric_slo_without_measurements_has_no_sli_and_spends_nothing() {
    List<SloResult> results = new SloPass(store).run(spec.slos(), T0);

    SloStatus rows = statusOf(results, "orders_rows");
    assertThat(rows.tally()).isEqualTo(Tally.EMPTY);
    assertThat(rows.sli()).isEmpty();
    assertThat(rows.budget().spent()).isEqualByComparingTo("0");
    assertThat(statusOf(results, "api_success").sli()).isEmpty();
  }
}
