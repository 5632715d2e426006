package dev.nines.store;

import static dev.nines.store.StoreFixtures.T0;
import static dev.nines.store.StoreFixtures.asStored;
import static dev.nines.store.StoreFixtures.at;
import static dev.nines.store.StoreFixtures.errorWithEverything;
import static dev.nines.store.StoreFixtures.measured;
import static dev.nines.store.StoreFixtures.millis;
import static dev.nines.store.StoreFixtures.passed;
import static dev.nines.store.StoreFixtures.run;
import static dev.nines.store.StoreFixtures.runOf;
import static dev.nines.store.StoreFixtures.schema;
import static dev.nines.store.StoreFixtures.schemaSnapshotTaken;
import static dev.nines.store.StoreFixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.nines.observation.Bounds;
import dev.nines.observation.Expectation;
import dev.nines.observation.Kind;
import dev.nines.observation.Measurement;
import dev.nines.observation.Observation;
import dev.nines.observation.SchemaSnapshot;
import dev.nines.observation.Status;
import dev.nines.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving runs and reading them back, the same on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("databases")
class NinesStoreIT {
  @Parameter TestStoreDatabase database;
  @TempDir Path folder;
  NinesStore store;

  static Stream<TestStoreDatabase> databases() {
    return Stream.of(new H2FileDatabase(), new EmbeddedPostgresDatabase());
  }

  @AfterParameterizedClassInvocation
  static void stopDatabase(TestStoreDatabase database) {
    database.close();
  }

  @BeforeEach
  void openStore() {
    store = NinesStore.open(database.freshStore(folder));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void saved_observations_read_back_equal_to_what_was_saved_cut_to_milliseconds() {
    List<Observation> observations =
        List.of(
            passed("orders", "row_count", 1234.5, at(Duration.ofSeconds(1))),
            errorWithEverything("orders", at(Duration.ofSeconds(2))),
            schemaSnapshotTaken("orders", at(Duration.ofSeconds(3))));
    RunResult result = run(T0, observations, List.of(), List.of());

    store.save(result, List.of("nines.yml"));

    List<Observation> expected = observations.stream().map(StoreFixtures::asStored).toList();
    assertThat(store.runObservations(result.runId())).containsExactlyElementsOf(expected);
    assertThat(store.observations("orders", null, null, 10))
        .containsExactly(expected.get(2), expected.get(1), expected.get(0));
    assertThat(expected.get(1).elapsed()).isEqualTo(Duration.ofMillis(1_500));
  }

  @Test
  void observations_filter_by_status_and_time_newest_first_up_to_the_limit() {
    Observation first = passed("orders", "row_count", 10, at(Duration.ofMinutes(1)));
    Observation second =
        withStatus(passed("orders", "missing_id", 3, at(Duration.ofMinutes(2))), Status.FAIL);
    Observation third =
        withStatus(passed("orders", "row_count", 0, at(Duration.ofMinutes(3))), Status.FAIL);
    Observation elsewhere =
        withStatus(passed("customers", "row_count", 0, at(Duration.ofMinutes(4))), Status.FAIL);
    store.save(runOf(T0, first, second), List.of());
    store.save(runOf(at(Duration.ofMinutes(3)), third, elsewhere), List.of());

    assertThat(store.observations("orders", null, null, 10))
        .extracting(Observation::check, Observation::status)
        .containsExactly(
            tuple("row_count", Status.FAIL),
            tuple("missing_id", Status.FAIL),
            tuple("row_count", Status.PASS));
    assertThat(store.observations("orders", Status.FAIL, null, 10))
        .containsExactly(asStored(third), asStored(second));
    assertThat(store.observations("orders", null, at(Duration.ofMinutes(2)), 10))
        .containsExactly(asStored(third), asStored(second));
    assertThat(store.observations("orders", Status.PASS, at(Duration.ofMinutes(2)), 10)).isEmpty();
    assertThat(store.observations("orders", null, null, 1)).containsExactly(asStored(third));
    assertThat(store.observations("nobody", null, null, 10)).isEmpty();
  }

  @Test
  void recent_measurements_match_the_metric_or_the_check_name_newest_first() {
    Measurement rowsMonday =
        measured("orders", "volume_change", "row_count", 100, at(Duration.ofDays(0)));
    Measurement rowsTuesday =
        measured("orders", "volume_change", "row_count", 110, at(Duration.ofDays(1)));
    Measurement countTuesday =
        measured("orders", "row_count", "row_count", 111, at(Duration.ofDays(1)));
    Measurement ageTuesday =
        measured("orders", "freshness", "age_seconds", 60, at(Duration.ofDays(1)));
    Measurement otherDataset =
        measured("customers", "row_count", "row_count", 5, at(Duration.ofDays(2)));
    store.save(run(T0, List.of(), List.of(rowsMonday), List.of()), List.of());
    store.save(
        run(
            at(Duration.ofDays(1)),
            List.of(),
            List.of(rowsTuesday, countTuesday, ageTuesday, otherDataset),
            List.of()),
        List.of());

    assertThat(store.recent("orders", "row_count", 10))
        .containsExactly(asStored(countTuesday), asStored(rowsTuesday), asStored(rowsMonday));
    assertThat(store.recent("orders", "volume_change", 10))
        .containsExactly(asStored(rowsTuesday), asStored(rowsMonday));
    assertThat(store.recent("orders", "freshness", 10)).containsExactly(asStored(ageTuesday));
    assertThat(store.recent("orders", "row_count", 2)).hasSize(2);
    assertThat(store.recent("orders", "unknown", 10)).isEmpty();
  }

  @Test
  void latest_is_the_newest_measurement_of_exactly_that_check_and_metric() {
    store.save(
        run(
            T0,
            List.of(),
            List.of(
                measured("orders", "volume_change", "row_count", 100, at(Duration.ofHours(1))),
                measured("orders", "volume_change", "row_count", 120, at(Duration.ofHours(2))),
                measured("orders", "row_count", "row_count", 999, at(Duration.ofHours(3))),
                measured("customers", "volume_change", "row_count", 7, at(Duration.ofHours(4)))),
            List.of()),
        List.of());

    assertThat(store.latest("orders", "volume_change", "row_count"))
        .contains(
            new Measurement(
                "orders", "volume_change", "row_count", 120, millis(at(Duration.ofHours(2)))));
    assertThat(store.latest("orders", "volume_change", "age_seconds")).isEmpty();
    assertThat(store.latest("payments", "volume_change", "row_count")).isEmpty();
  }

  @Test
  void latest_schema_is_the_newest_snapshot_of_that_dataset() {
    SchemaSnapshot before = schema("orders", at(Duration.ofHours(1)), "id", "amount");
    SchemaSnapshot after = schema("orders", at(Duration.ofHours(2)), "id", "amount", "currency");
    SchemaSnapshot customers = schema("customers", at(Duration.ofHours(3)), "id");
    store.save(run(T0, List.of(), List.of(), List.of(before, customers)), List.of());
    store.save(run(at(Duration.ofHours(2)), List.of(), List.of(), List.of(after)), List.of());

    assertThat(store.latestSchema("orders")).contains(asStored(after));
    assertThat(store.latestSchema("customers")).contains(asStored(customers));
    assertThat(store.latestSchema("payments")).isEmpty();
  }

  @Test
  void runs_are_listed_newest_first_with_their_counts_exit_code_and_spec_files() {
    Observation ok = passed("orders", "row_count", 10, T0);
    RunResult older = runOf(T0, ok, withStatus(ok, Status.WARN));
    RunResult newer =
        runOf(
            at(Duration.ofHours(1)), ok, withStatus(ok, Status.FAIL), withStatus(ok, Status.ERROR));
    store.save(older, List.of("nines.yml"));
    store.save(newer, List.of("nines.yml", "conf/extra.yml"));

    List<RunSummary> runs = store.runs(10);

    assertThat(runs)
        .containsExactly(
            new RunSummary(
                newer.runId(),
                millis(newer.startedAt()),
                millis(newer.finishedAt()),
                List.of("nines.yml", "conf/extra.yml"),
                1,
                0,
                1,
                1,
                2),
            new RunSummary(
                older.runId(),
                millis(older.startedAt()),
                millis(older.finishedAt()),
                List.of("nines.yml"),
                1,
                1,
                0,
                0,
                0));
    assertThat(store.runs(1)).extracting(RunSummary::runId).containsExactly(newer.runId());
  }

  @Test
  void values_that_are_not_finite_are_kept_as_they_were_measured() {
    Observation notANumber =
        new Observation(
            "orders",
            "avg_amount",
            "metric",
            Status.FAIL,
            Kind.DATA,
            null,
            Double.NaN,
            new Expectation(new Bounds(Double.NEGATIVE_INFINITY, 10.0), null, "", "≤ 10"),
            "avg_amount is NaN",
            List.of(),
            List.of(),
            T0,
            Duration.ZERO);
    Measurement infinite = measured("orders", "avg_amount", "avg", Double.POSITIVE_INFINITY, T0);
    store.save(run(T0, List.of(notANumber), List.of(infinite), List.of()), List.of());

    assertThat(store.observations("orders", null, null, 1)).containsExactly(asStored(notANumber));
    assertThat(store.recent("orders", "avg", 1)).containsExactly(asStored(infinite));
  }
}
