package dev.nines.run;

import static dev.nines.run.SuiteSupport.named;
import static dev.nines.testing.Specs.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.spec.DatasetSpec;
import dev.nines.spec.SourceSpec;
import dev.nines.spec.Spec;
import dev.nines.testing.Specs;
import dev.nines.testing.TestHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared suite, part: freshness, row counts, volume changes and schema drift. */
interface TimeAndShapeSuite extends SuiteSupport {
  @Test
  default void freshness_fails_when_newest_row_is_older_than_threshold() {
    Observation observation = orders("freshness", "{column: loaded_at, fail: 24h}");
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.FAIL);
    assertThat(observation.value()).isEqualTo(30 * 3600.0);
    assertThat(observation.message()).isEqualTo("newest loaded_at is 1d 6h old (fail > 1d)");
    assertThat(observation.expectation().text()).isEqualTo("age ≤ 1d");
  }

  @Test
  default void freshness_warns_when_newest_row_is_between_warn_and_fail() {
    Observation observation = orders("freshness", "{column: loaded_at, warn: 12h, fail: 2d}");
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.WARN);
  }

  @Test
  default void freshness_passes_when_newest_row_is_recent() {
    Observation observation =
        runOne("clean_orders", check("freshness", "{column: loaded_at, warn: 1h, fail: 2h}"));
    assertThat(observation.status()).as(observation.message()).isEqualTo(Status.PASS);
    assertThat(observation.value()).isEqualTo(300.0);
  }

  @Test
  default void freshness_reads_dates_and_epoch_seconds() {
    RunResult result =
        run(
            Specs.table(
                "events",
                "db",
                "events",
                check("freshness", "{name: by_day, column: event_day, fail: 2d}"),
                check("freshness", "{name: by_epoch, column: event_epoch, fail: 30m}")));
    // The newest day starts 36h before the run (yesterday 00:00, run at 12:00).
    assertThat(named(result, "by_day").value()).isEqualTo(36 * 3600.0);
    assertThat(named(result, "by_day").status()).isEqualTo(Status.PASS);
    assertThat(named(result, "by_epoch").value()).isEqualTo(3600.0);
    assertThat(named(result, "by_epoch").status()).isEqualTo(Status.FAIL);
  }

  @Test
  default void freshness_reads_zone_less_timestamps_in_the_sources_timezone() {
    assertThat(freshnessIn(java.time.ZoneId.of("Etc/GMT-2"))).isEqualTo(32 * 3600.0);
  }

  @Test
  default void a_source_timezone_may_be_a_fixed_offset() {
    assertThat(freshnessIn(ZoneOffset.ofHours(2))).isEqualTo(32 * 3600.0);
    // 06:00 read as UTC is 30 hours before the run
    assertThat(freshnessIn(ZoneOffset.UTC)).isEqualTo(30 * 3600.0);
  }

  private Double freshnessIn(java.time.ZoneId zone) {
    SourceSpec plain = db().source("db");
    SourceSpec eastern =
        new SourceSpec(
            "db",
            plain.url(),
            plain.user(),
            plain.password(),
            plain.properties(),
            plain.connectTimeout(),
            plain.queryTimeout(),
            plain.maxConnections(),
            zone,
            null);
    Spec spec =
        Specs.spec(
            eastern,
            Specs.table(
                "orders", "db", "orders", check("freshness", "{column: loaded_at, fail: 1d}")));
    try (CheckRunner runner =
        new CheckRunner(spec, History.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC), RunListener.NONE)) {
      // Written as 06:00 on a clock two hours ahead of UTC: 04:00 UTC, 32 hours before the run.
      return runner.run(RunRequest.ALL).observations().get(0).value();
    }
  }

  @Test
  default void row_count_fails_below_min_and_passes_within_bounds() {
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

  @Test
  default void volume_change_passes_on_the_first_measurement_and_stores_the_row_count() {
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
  default void volume_change_fails_when_rows_grew_more_than_allowed_since_the_last_run() {
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

  @Test
  default void schema_keeps_a_first_snapshot_and_passes() {
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
  default void schema_fails_on_a_removed_column_and_warns_on_an_added_one() {
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
  default void schema_fails_when_a_required_column_is_missing() {
    Observation observation =
        orders("schema", "{required: [order_id, refund_id], forbidden: [ssn]}");
    assertThat(observation.status()).isEqualTo(Status.FAIL);
    assertThat(observation.message()).isEqualTo("required column refund_id is missing");
  }
}
